package dev.keyline.alert.rest;

import dev.keyline.alert.service.AlertQueryService;
import dev.keyline.alert.service.ProcessingCounts;
import dev.keyline.platform.auth.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** Reports how far the service has read its topics. */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private static final Logger LOG = Logger.getLogger(StatusResource.class);

    private final AlertQueryService queries;

    public StatusResource(AlertQueryService queries) {
        this.queries = queries;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Count the distinct events processed from keyline.line-events and keyline.ledger-events")
    public Uni<ProcessingCounts> status() {
        LOG.debug("reading the processing counts");
        return queries.processingCounts();
    }
}
