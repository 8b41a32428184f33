package dev.keyline.station.rest;

import dev.keyline.platform.auth.Roles;
import dev.keyline.station.domain.ActivationAttemptedReport;
import dev.keyline.station.domain.DeviceProvisionedReport;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.ReportKind;
import dev.keyline.station.domain.ReportOutcome;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.service.BodyDecoding;
import dev.keyline.station.service.BulkIntake;
import dev.keyline.station.service.ReportIntake;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    /** Describes the {@code Idempotency-Key} header in the OpenAPI document. */
    static final String IDEMPOTENCY_KEY = "A name for this report, such as a UUID, up to 128 letters, digits, '.', '_',"
            + " ':' or '-'. Sending the report again with the same key and body answers the first 202 again, with"
            + " Idempotent-Replayed: true, and books nothing; the same key with another body gets 422.";

    private final ReportIntake intake;
    private final BulkIntake bulk;
    private final IdempotentResponses answers;
    private final BodyDecoding decoding;
    private final SecurityIdentity identity;

    public ReportResource(
            ReportIntake intake,
            BulkIntake bulk,
            IdempotentResponses answers,
            BodyDecoding decoding,
            SecurityIdentity identity) {
        this.intake = intake;
        this.bulk = bulk;
        this.answers = answers;
        this.decoding = decoding;
        this.identity = identity;
    }

    @POST
    @Path("/device-provisioned")
    @Operation(summary = "Report that a station installed a production key on a device")
    @RequestBody(content = @Content(schema = @Schema(implementation = DeviceProvisionedReport.class)))
    @APIResponse(responseCode = "202", description = "Stored in the outbox; the relay publishes it to Kafka")
    public Uni<Response> deviceProvisioned(
            @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        return receive(ReportKind.DEVICE_PROVISIONED, idempotencyKey, contentType, bytes);
    }

    @POST
    @Path("/activation-attempted")
    @Operation(summary = "Report that a device attempted activation")
    @RequestBody(content = @Content(schema = @Schema(implementation = ActivationAttemptedReport.class)))
    @APIResponse(responseCode = "202", description = "Stored in the outbox; the relay publishes it to Kafka")
    public Uni<Response> activationAttempted(
            @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        return receive(ReportKind.ACTIVATION_ATTEMPTED, idempotencyKey, contentType, bytes);
    }

    @POST
    @Path("/bulk")
    @Operation(summary = "Report up to 1000 reports, each with a kind, stored together or not at all")
    @RequestBody(
            description = "A JSON array of 1 to 1000 reports, each a device-provisioned, activation-attempted or"
                    + " device-step body with its kind in kind",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "202", description = "Every item stored in the outbox in one transaction")
    @APIResponse(responseCode = "400", description = "An item is invalid, and the problem names its index and field")
    public Uni<Response> bulk(
            @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        StationBinding station = StationPrincipal.binding(identity);
        return decoding.json(bytes, contentType, station, null, "bulk")
                .chain(body -> answers.<List<ReportOutcome>>accept(
                        station,
                        idempotencyKey,
                        "bulk",
                        new IdempotentResponses.Origin("bulk", null),
                        body,
                        alsoInTransaction -> bulk.receive(body, station, alsoInTransaction),
                        outcomes -> new IdempotentResponses.FirstResponse(
                                BulkAccepted.of(outcomes),
                                outcomes.get(0).report().id())));
    }

    private Uni<Response> receive(ReportKind kind, String idempotencyKey, String contentType, byte[] bytes) {
        StationBinding station = StationPrincipal.binding(identity);
        return decoding.json(bytes, contentType, station, null, kind.wireName())
                .chain(body -> answers.accept(
                        station,
                        idempotencyKey,
                        kind.wireName(),
                        new IdempotentResponses.Origin(kind.wireName(), null),
                        body,
                        alsoInTransaction -> intake.receive(kind, body, station, null, alsoInTransaction),
                        ReportAccepted::firstResponse));
    }
}
