package dev.keyline.alert.rest;

import dev.keyline.alert.repository.AlertFilter;
import dev.keyline.alert.service.AlertActions;
import dev.keyline.alert.service.AlertNotification;
import dev.keyline.alert.service.AlertQueryService;
import dev.keyline.alert.service.AlertStream;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.platform.problem.QueryNumbers;
import dev.keyline.schemas.keys.KeyRedactor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Alerts for operators and auditors: list, read, history and live stream; operators acknowledge and resolve. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private static final Logger LOG = Logger.getLogger(AlertsResource.class);

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    /** The text of the comment line that a quiet alert stream sends every keep-alive interval. */
    static final String KEEP_ALIVE = "keep-alive";

    private final AlertQueryService queries;
    private final AlertActions actions;
    private final AlertStream stream;
    private final SecurityIdentity identity;

    public AlertsResource(
            AlertQueryService queries, AlertActions actions, AlertStream stream, SecurityIdentity identity) {
        this.queries = queries;
        this.actions = actions;
        this.stream = stream;
        this.identity = identity;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(
            summary = "List alerts, most recently seen first; every filter given must match. The X-Total-Count"
                    + " header gives the number of matches, and a Link header the next and previous pages")
    public Uni<RestResponse<List<AlertView>>> list(
            @Parameter(description = "firing, acknowledged or resolved") @QueryParam("status") String status,
            @Parameter(description = "a rule name, such as key-low") @QueryParam("rule") String rule,
            @Parameter(description = "info, warning, high or critical") @QueryParam("severity") String severity,
            @Parameter(description = "alerts whose keyId label has this value") @QueryParam("keyId") String keyId,
            @Parameter(description = "alerts whose lineId label has this value") @QueryParam("lineId") String lineId,
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "alerts per page, 1 to 1000") @QueryParam("size") @DefaultValue("100") String size,
            @Context UriInfo uri) {
        AlertFilter filter = AlertFilterParser.parse(status, rule, severity, keyId, lineId);
        int pageNumber = QueryNumbers.read("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = QueryNumbers.read("size", size, 1, MAX_PAGE_SIZE);
        LOG.debugf("listing page %d (size %d) of alerts matching %s", pageNumber, pageSize, filter);

        return queries.search(filter, pageNumber, pageSize).map(found -> {
            Instant now = Instant.now();
            List<AlertView> views = found.alerts().stream()
                    .map(alert -> AlertView.of(alert.id, alert.toState(), found.activeSilences(), now))
                    .toList();
            LOG.debugf("found %d of %d alerts matching %s", views.size(), found.total(), filter);
            String links = PageLinks.of(uri, pageNumber, pageSize, found.total());
            RestResponse.ResponseBuilder<List<AlertView>> response =
                    RestResponse.ResponseBuilder.ok(views).header("X-Total-Count", found.total());
            // A Link header without links is left out, as RFC 8288 has no empty form.
            return (links.isEmpty() ? response : response.header("Link", links)).build();
        });
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Stream every alert change committed after the request as server-sent events")
    public Multi<OutboundSseEvent> changes(@Context Sse sse) {
        LOG.debugf("%s subscribed to the alert stream", identity.getPrincipal().getName());
        Multi<OutboundSseEvent> changes = stream.changes()
                .map(AlertChangeView::of)
                .map(view ->
                        sse.newEventBuilder().data(AlertChangeView.class, view).build());

        // A comment line, which clients of server-sent events skip, so that a quiet stream still carries bytes.
        OutboundSseEvent keepAlive = sse.newEventBuilder().comment(KEEP_ALIVE).build();
        Multi<OutboundSseEvent> keepAlives = stream.keepAlives().map(tick -> keepAlive);

        return Multi.createBy().merging().streams(changes, keepAlives);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Read one alert")
    public Uni<AlertView> get(@PathParam("id") String id) {
        UUID alertId = Identifiers.uuid("id", id);
        return queries.find(alertId).map(found -> {
            if (found.alerts().isEmpty()) {
                throw notFound(alertId);
            }
            var alert = found.alerts().get(0);
            return AlertView.of(alert.id, alert.toState(), found.activeSilences(), Instant.now());
        });
    }

    @GET
    @Path("/{id}/history")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List every change of one alert, oldest first")
    public Uni<List<AlertHistoryView>> history(@PathParam("id") String id) {
        UUID alertId = Identifiers.uuid("id", id);
        return queries.find(alertId).chain(found -> {
            if (found.alerts().isEmpty()) {
                throw notFound(alertId);
            }
            return queries.history(alertId)
                    .map(rows -> rows.stream().map(AlertHistoryView::of).toList());
        });
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Acknowledge a firing alert: it stays active, and the webhook hears who took it on")
    @Consumes(MediaType.WILDCARD)
    public Uni<AlertView> acknowledge(@PathParam("id") String id, String body) {
        UUID alertId = Identifiers.uuid("id", id);
        // Operators paste text from station logs, so any token that could be a key is masked before it is stored.
        // That includes a key in five groups separated by spaces and one in lower case without dashes.
        String comment = KeyRedactor.maskForEcho(AcknowledgeRequest.parse(body).comment());
        return actions.acknowledge(alertId, operator(), comment).map(AlertsResource::view);
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(
            summary = "Resolve an active alert; if its condition is still true, the next event that shows it fires"
                    + " the alert again")
    @Consumes(MediaType.WILDCARD)
    public Uni<AlertView> resolve(@PathParam("id") String id, String body) {
        UUID alertId = Identifiers.uuid("id", id);
        if (body != null && !body.isBlank()) {
            // A resolution keeps no comment, and one sent here would be dropped without a word.
            throw ProblemException.invalidField(
                    "body",
                    "resolve takes no body, so its content would be lost",
                    "send the request without a body; to leave a note, acknowledge the alert with a comment first");
        }
        return actions.resolve(alertId, operator()).map(AlertsResource::view);
    }

    private String operator() {
        return identity.getPrincipal().getName();
    }

    private static AlertView view(AlertNotification change) {
        return AlertView.of(change.alertId(), change.transition().state(), change.silencedBy());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(
                "alert", id.toString(), "list the alerts with GET /api/v1/alerts for valid ids");
    }
}
