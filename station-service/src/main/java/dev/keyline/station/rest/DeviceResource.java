package dev.keyline.station.rest;

import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.platform.problem.QueryNumbers;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.ManufacturingStep;
import dev.keyline.station.domain.ReportConstraints;
import dev.keyline.station.domain.ReportKind;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.domain.StepReport;
import dev.keyline.station.domain.WorkflowProblems;
import dev.keyline.station.service.ArtifactSupport;
import dev.keyline.station.service.BodyDecoding;
import dev.keyline.station.service.DeviceQueries;
import dev.keyline.station.service.ReportIntake;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A device's manufacturing steps: stations report them, and stations, operators and auditors read the state. */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private static final int MAX_LIMIT = 1000;

    private final ReportIntake intake;
    private final DeviceQueries queries;
    private final IdempotentResponses answers;
    private final BodyDecoding decoding;
    private final SecurityIdentity identity;

    public DeviceResource(
            ReportIntake intake,
            DeviceQueries queries,
            IdempotentResponses answers,
            BodyDecoding decoding,
            SecurityIdentity identity) {
        this.intake = intake;
        this.answers = answers;
        this.decoding = decoding;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Path("/{serial}/steps")
    @RolesAllowed(Roles.STATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report that a device completed a manufacturing step")
    @RequestBody(content = @Content(schema = @Schema(implementation = StepReport.class)))
    @APIResponse(responseCode = "202", description = "Stored with its event in the outbox")
    @APIResponse(responseCode = "409", description = "A step before this one is missing, or the device cannot ship")
    public Uni<Response> reportStep(
            @PathParam("serial") String serial,
            @Parameter(description = ReportResource.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        StationBinding station = StationPrincipal.binding(identity);
        // An invalid path serial is named by the report's own checks, after its body's keys are recorded as exposed.
        String exposedSerial = ReportConstraints.isId(serial) ? serial : null;
        return decoding.json(bytes, contentType, station, exposedSerial, ReportKind.DEVICE_STEP.wireName())
                .chain(body -> answers.accept(
                        station,
                        idempotencyKey,
                        "steps/" + serial,
                        new IdempotentResponses.Origin(ReportKind.DEVICE_STEP.wireName(), exposedSerial),
                        body,
                        alsoInTransaction ->
                                intake.receive(ReportKind.DEVICE_STEP, body, station, serial, alsoInTransaction),
                        ReportAccepted::firstResponse));
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({Roles.STATION, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Read a device's manufacturing state, open findings and step history")
    public Uni<DeviceView> device(@PathParam("serial") String serial) {
        // A serial that no device can have gets the rule, not a 404 that sends the caller looking for the device.
        ArtifactSupport.checkSerial(serial);
        return queries.view(serial);
    }

    @GET
    @RolesAllowed({Roles.STATION, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List the devices that wait for a step, by serial")
    public Uni<List<HeldDevice>> heldAt(
            @QueryParam("heldAt") String heldAt, @QueryParam("limit") @DefaultValue("100") String limitParameter) {
        int limit = QueryNumbers.read("limit", limitParameter, 1, MAX_LIMIT);
        ManufacturingStep step = ManufacturingStep.find(heldAt)
                .orElseThrow(() -> new ProblemException(WorkflowProblems.unknownStep(heldAt)));
        return queries.heldAt(step, limit);
    }
}
