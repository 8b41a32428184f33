package dev.keyline.alert.rest;

import dev.keyline.alert.repository.AlertFilter;
import dev.keyline.alert.service.AlertQueryService;
import dev.keyline.platform.auth.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;

/** Lists alerts for operators and auditors. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private static final Logger LOG = Logger.getLogger(AlertsResource.class);

    private final AlertQueryService queries;

    public AlertsResource(AlertQueryService queries) {
        this.queries = queries;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List alerts, most recently seen first; every filter given must match")
    public Uni<List<AlertView>> list(
            @Parameter(description = "firing or resolved") @QueryParam("status") String status,
            @Parameter(description = "key-low, activation-unknown-device or key-exposure") @QueryParam("rule")
                    String rule,
            @Parameter(description = "info, warning, high or critical") @QueryParam("severity") String severity,
            @Parameter(description = "alerts whose keyId label has this value") @QueryParam("keyId") String keyId,
            @Parameter(description = "alerts whose lineId label has this value") @QueryParam("lineId") String lineId) {
        AlertFilter filter = AlertFilterParser.parse(status, rule, severity, keyId, lineId);
        LOG.debugf("listing alerts matching %s", filter);

        return queries.search(filter).map(alerts -> {
            LOG.debugf("found %d alerts matching %s", alerts.size(), filter);
            return alerts.stream().map(AlertView::of).toList();
        });
    }
}
