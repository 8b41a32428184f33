package dev.keyline.alert.rest;

import dev.keyline.alert.service.SilenceService;
import dev.keyline.platform.auth.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** Silences: operators create and expire them; operators and auditors read them. */
@Path("/api/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilencesResource {

    private static final Logger LOG = Logger.getLogger(SilencesResource.class);

    private final SilenceService silences;
    private final SecurityIdentity identity;

    public SilencesResource(SilenceService silences, SecurityIdentity identity) {
        this.silences = silences;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Create a silence: while it is active, matching alerts are stored and listed but not delivered"
                    + " to Alertmanager or the webhook")
    public Uni<RestResponse<SilenceView>> create(SilenceRequest request) {
        Instant now = Instant.now();
        SilenceRequests.Checked checked = SilenceRequests.check(request, now);
        String operator = identity.getPrincipal().getName();
        LOG.debugf(
                "operator %s creates a silence with %d matchers",
                operator, checked.matchers().size());

        return silences.create(checked.matchers(), checked.startsAt(), checked.endsAt(), operator, checked.comment())
                .map(silence -> RestResponse.ResponseBuilder.<SilenceView>created(
                                URI.create("/api/v1/silences/" + silence.id()))
                        .entity(SilenceView.of(silence, Instant.now()))
                        .build());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List every silence, newest first, expired ones included")
    public Uni<List<SilenceView>> list() {
        LOG.debug("listing silences");
        Instant now = Instant.now();
        return silences.list()
                .map(found -> found.stream().map(s -> SilenceView.of(s, now)).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Read one silence")
    public Uni<SilenceView> get(@PathParam("id") String id) {
        return silences.find(Identifiers.uuid("id", id)).map(s -> SilenceView.of(s, Instant.now()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Expire a silence now; it stays listed as expired")
    public Uni<SilenceView> expire(@PathParam("id") String id) {
        String operator = identity.getPrincipal().getName();
        return silences.expire(Identifiers.uuid("id", id), operator).map(s -> SilenceView.of(s, Instant.now()));
    }
}
