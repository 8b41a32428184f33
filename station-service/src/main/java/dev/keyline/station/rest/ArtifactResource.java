package dev.keyline.station.rest;

import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.service.AnswerFileService;
import dev.keyline.station.service.ArtifactSupport;
import dev.keyline.station.service.BodyDecoding;
import dev.keyline.station.service.LicenseArtifactService;
import dev.keyline.station.service.StationLogService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Station artifacts as the Windows tools write them: slmgr output, answer files, exported event logs and log excerpts.
 * Every full product key in an artifact is masked before it is stored, logged or published, and becomes a
 * {@code keyline.key.exposed.v1} event.
 */
@Path("/api/v1/devices/{serial}/artifacts")
@RolesAllowed(Roles.STATION)
@Produces(MediaType.APPLICATION_JSON)
public class ArtifactResource {

    private static final String DEFAULT_ANSWER_FILE_PATH = "unattend.xml";

    /** A folder or file name in a path, which is masked like any short value, with keys in any spelling. */
    private static final Pattern PATH_SEGMENT = Pattern.compile("[^\\\\/]+");

    private final LicenseArtifactService licenses;
    private final AnswerFileService answerFiles;
    private final StationLogService logs;
    private final IdempotentResponses answers;
    private final BodyDecoding decoding;
    private final SecurityIdentity identity;

    public ArtifactResource(
            LicenseArtifactService licenses,
            AnswerFileService answerFiles,
            StationLogService logs,
            IdempotentResponses answers,
            BodyDecoding decoding,
            SecurityIdentity identity) {
        this.licenses = licenses;
        this.answers = answers;
        this.answerFiles = answerFiles;
        this.logs = logs;
        this.decoding = decoding;
        this.identity = identity;
    }

    @POST
    @Path("/slmgr")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(summary = "Report slmgr /dli or /dlv output, the WMI list layout or JSON of a device's licenses")
    @APIResponse(responseCode = "202", description = "Read; the device's license state and events are stored")
    public Uni<Response> slmgr(
            @PathParam("serial") String serial,
            @QueryParam("channel") @DefaultValue("internet") String channel,
            @Parameter(description = ReportResource.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        ArtifactSupport.checkSerial(serial);
        StationBinding station = StationPrincipal.binding(identity);
        ActivationChannel activationChannel = ArtifactSupport.channel(channel);
        return decoding.artifact(bytes, contentType, station, serial, "slmgr", "slmgr output")
                .chain(body -> answers.<LicenseArtifactService.LicenseResult>accept(
                        station,
                        idempotencyKey,
                        "artifacts/slmgr/" + serial + "?channel=" + channel,
                        new IdempotentResponses.Origin("slmgr", serial),
                        body,
                        alsoInTransaction ->
                                licenses.slmgr(serial, body, station, activationChannel, alsoInTransaction),
                        result -> new IdempotentResponses.FirstResponse(result, firstEventId(result))));
    }

    @POST
    @Path("/answer-file")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Check an answer file on a device's image for product keys")
    @APIResponse(responseCode = "202", description = "Checked; findings and exposure events are stored")
    @APIResponse(responseCode = "400", description = "Not well-formed XML, or XML with a DTD")
    public Uni<Response> deviceAnswerFile(
            @PathParam("serial") String serial,
            @QueryParam("path") @DefaultValue(DEFAULT_ANSWER_FILE_PATH) String path,
            @Parameter(description = ReportResource.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        ArtifactSupport.checkSerial(serial);
        StationBinding station = StationPrincipal.binding(identity);
        String checkedPath = checkedPath(path);
        return decoding.artifact(bytes, contentType, station, serial, "answer-file", "answer file")
                .chain(body -> answers.<AnswerFileService.CheckResult>accept(
                        station,
                        idempotencyKey,
                        "artifacts/answer-file/" + serial + "?path=" + checkedPath,
                        new IdempotentResponses.Origin("answer-file", serial),
                        body,
                        alsoInTransaction -> answerFiles.check(serial, checkedPath, body, station, alsoInTransaction),
                        result -> new IdempotentResponses.FirstResponse(result, firstEventId(result))));
    }

    @POST
    @Path("/event-log")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Report exported Windows events (wevtutil qe /f:xml, Get-WinEvent ToXml) of a device")
    @APIResponse(responseCode = "202", description = "Read; activation evidence is published")
    public Uni<Response> eventLog(
            @PathParam("serial") String serial,
            @QueryParam("channel") @DefaultValue("internet") String channel,
            @Parameter(description = ReportResource.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        ArtifactSupport.checkSerial(serial);
        StationBinding station = StationPrincipal.binding(identity);
        ActivationChannel activationChannel = ArtifactSupport.channel(channel);
        return decoding.artifact(bytes, contentType, station, serial, "event-log", "exported events")
                .chain(body -> answers.<LicenseArtifactService.EventLogResult>accept(
                        station,
                        idempotencyKey,
                        "artifacts/event-log/" + serial + "?channel=" + channel,
                        new IdempotentResponses.Origin("event-log", serial),
                        body,
                        alsoInTransaction ->
                                licenses.eventLog(serial, body, station, activationChannel, alsoInTransaction),
                        result -> new IdempotentResponses.FirstResponse(result, firstEventId(result))));
    }

    @POST
    @Path("/log")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Store a station log excerpt; full product keys in it are masked and reported as exposed")
    @APIResponse(responseCode = "202", description = "Stored with keys masked")
    public Uni<Response> log(
            @PathParam("serial") String serial,
            @Parameter(description = ReportResource.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        ArtifactSupport.checkSerial(serial);
        StationBinding station = StationPrincipal.binding(identity);
        return decoding.artifact(bytes, contentType, station, serial, "log", "log excerpt")
                .chain(body -> answers.<StationLogService.LogResult>accept(
                        station,
                        idempotencyKey,
                        "artifacts/log/" + serial,
                        new IdempotentResponses.Origin("log", serial),
                        body,
                        alsoInTransaction -> logs.store(serial, body, station, alsoInTransaction),
                        result -> new IdempotentResponses.FirstResponse(result, firstEventId(result))));
    }

    /**
     * Returns the file path a station sent, with any key masked in every spelling. A path with a control or format
     * character, such as a line break that would forge a log line or a right-to-left override, is rejected.
     */
    static String checkedPath(String path) {
        if (path.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw ProblemException.invalidField(
                    "path",
                    "contains a control or format character, such as a line break",
                    "send the file's path on the image as one line of visible characters");
        }
        String masked = PATH_SEGMENT
                .matcher(path.strip())
                .replaceAll(segment -> Matcher.quoteReplacement(KeyRedactor.maskShortValue(segment.group())));
        if (masked.length() > 260) {
            throw ProblemException.invalidField(
                    "path",
                    "is longer than 260 characters",
                    "send the file's path on the image, at most 260 characters");
        }
        return masked;
    }

    /** Returns the id of the first event that slmgr output published, or null when it published none. */
    private static String firstEventId(LicenseArtifactService.LicenseResult result) {
        return Stream.concat(
                        result.events().stream().map(LicenseArtifactService.PublishedEvent::eventId),
                        result.exposures().stream().map(LicenseArtifactService.ExposureResult::eventId))
                .findFirst()
                .orElse(null);
    }

    /** Returns the id of the first event that an event log published, or null when it published none. */
    private static String firstEventId(LicenseArtifactService.EventLogResult result) {
        return Stream.concat(
                        result.evidence().stream()
                                .flatMap(evidence -> evidence.published().stream())
                                .map(LicenseArtifactService.PublishedEvent::eventId),
                        result.exposures().stream().map(LicenseArtifactService.ExposureResult::eventId))
                .findFirst()
                .orElse(null);
    }

    /** Returns the id of the first exposure event that a log excerpt published, or null when it published none. */
    private static String firstEventId(StationLogService.LogResult result) {
        return result.exposures().stream()
                .map(LicenseArtifactService.ExposureResult::eventId)
                .findFirst()
                .orElse(null);
    }

    /** Returns the id of the first exposure event that an answer file published, or null when it published none. */
    static String firstEventId(AnswerFileService.CheckResult result) {
        return result.findings().stream()
                .map(AnswerFileService.FindingResult::exposureEventId)
                .findFirst()
                .orElse(null);
    }
}
