package dev.keyline.station.rest;

import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.service.AnswerFileService;
import dev.keyline.station.service.BodyDecoding;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Checks of answer files that name no device, such as one found under Panther on a finished image. */
@Path("/api/v1/answer-file-checks")
@RolesAllowed(Roles.STATION)
@Produces(MediaType.APPLICATION_JSON)
public class AnswerFileCheckResource {

    private final AnswerFileService answerFiles;
    private final IdempotentResponses answers;
    private final BodyDecoding decoding;
    private final SecurityIdentity identity;

    public AnswerFileCheckResource(
            AnswerFileService answerFiles,
            IdempotentResponses answers,
            BodyDecoding decoding,
            SecurityIdentity identity) {
        this.answerFiles = answerFiles;
        this.answers = answers;
        this.decoding = decoding;
        this.identity = identity;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Check an answer file found on a finished image, such as under Panther, for product keys")
    @APIResponse(responseCode = "202", description = "Checked; exposure events are stored")
    @APIResponse(responseCode = "400", description = "Missing path, not well-formed XML, or XML with a DTD")
    public Uni<Response> answerFileCheck(
            @QueryParam("path") String path,
            @Parameter(description = ReportResource.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] bytes) {
        if (path == null || path.isBlank()) {
            throw ProblemException.invalidField(
                    "path",
                    "is missing",
                    "send the file's path on the image, such as C:\\Windows\\Panther\\unattend.xml, as ?path=");
        }
        StationBinding station = StationPrincipal.binding(identity);
        String checkedPath = ArtifactResource.checkedPath(path);
        return decoding.artifact(bytes, contentType, station, null, "answer-file", "answer file")
                .chain(body -> answers.<AnswerFileService.CheckResult>accept(
                        station,
                        idempotencyKey,
                        "answer-file-checks?path=" + checkedPath,
                        new IdempotentResponses.Origin("answer-file", null),
                        body,
                        alsoInTransaction -> answerFiles.check(null, checkedPath, body, station, alsoInTransaction),
                        result ->
                                new IdempotentResponses.FirstResponse(result, ArtifactResource.firstEventId(result))));
    }
}
