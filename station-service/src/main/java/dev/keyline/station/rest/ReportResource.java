package dev.keyline.station.rest;

import dev.keyline.platform.auth.Roles;
import dev.keyline.station.domain.ActivationAttemptedReport;
import dev.keyline.station.domain.DeviceProvisionedReport;
import dev.keyline.station.domain.ReportKind;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.service.BulkIntake;
import dev.keyline.station.service.ReportIntake;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The endpoints line stations report to. The body is taken as text and parsed by the service, so that product keys are
 * masked before anything reads the report, and a key is found even in a body that is not valid JSON.
 */
@Path("/api/v1/reports")
@RolesAllowed(Roles.STATION)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportIntake intake;
    private final BulkIntake bulk;
    private final SecurityIdentity identity;

    public ReportResource(ReportIntake intake, BulkIntake bulk, SecurityIdentity identity) {
        this.intake = intake;
        this.bulk = bulk;
        this.identity = identity;
    }

    @POST
    @Path("/device-provisioned")
    @Operation(summary = "Report that a station installed a production key on a device")
    @RequestBody(content = @Content(schema = @Schema(implementation = DeviceProvisionedReport.class)))
    @APIResponse(responseCode = "202", description = "Stored in the outbox; the relay publishes it to Kafka")
    public Uni<Response> deviceProvisioned(String body) {
        return receive(ReportKind.DEVICE_PROVISIONED, body);
    }

    @POST
    @Path("/activation-attempted")
    @Operation(summary = "Report that a device attempted activation")
    @RequestBody(content = @Content(schema = @Schema(implementation = ActivationAttemptedReport.class)))
    @APIResponse(responseCode = "202", description = "Stored in the outbox; the relay publishes it to Kafka")
    public Uni<Response> activationAttempted(String body) {
        return receive(ReportKind.ACTIVATION_ATTEMPTED, body);
    }

    @POST
    @Path("/bulk")
    @Operation(summary = "Report up to 1000 reports, each with a kind, stored together or not at all")
    @APIResponse(responseCode = "202", description = "Every item stored in the outbox in one transaction")
    @APIResponse(responseCode = "400", description = "An item is invalid, and the problem names its index and field")
    public Uni<Response> bulk(String body) {
        return bulk.receive(body, StationPrincipal.binding(identity))
                .map(outcomes -> Response.accepted(BulkAccepted.of(outcomes)).build());
    }

    private Uni<Response> receive(ReportKind kind, String body) {
        StationBinding station = StationPrincipal.binding(identity);
        return intake.receive(kind, body, station)
                .map(outcome -> Response.accepted(ReportAccepted.of(outcome)).build());
    }
}
