package dev.keyline.ledger.rest;

import dev.keyline.ledger.domain.ReadingCsvParser;
import dev.keyline.ledger.domain.ReadingFile;
import dev.keyline.ledger.domain.VamtCilxParser;
import dev.keyline.ledger.service.ImportResult;
import dev.keyline.ledger.service.ReadingImportService;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.http.BodyText;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.EventTime;
import dev.keyline.schemas.keys.KeyFingerprinter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Imports Microsoft-reported remaining activations: a VAMT {@code .cilx} export as XML, or CSV. Full keys in the file
 * are fingerprinted to find the registered key and then dropped; the response never contains one. A file in UTF-16
 * with its byte-order mark, as Windows tools write it, is read too.
 */
@Path("/api/v1/imports/microsoft-readings")
@RolesAllowed(Roles.OPERATOR)
public class ImportResource {

    /**
     * The maximum number of readings in one file. A VAMT export has one entry per key, and an import holds the locks of
     * the keys it names, so a file of many thousands would hold up their booking for minutes.
     */
    static final int MAX_READINGS = 10_000;

    private final ReadingImportService imports;
    private final KeyFingerprinter fingerprinter;
    private final Vertx vertx;

    public ImportResource(ReadingImportService imports, KeyFingerprinter fingerprinter, Vertx vertx) {
        this.imports = imports;
        this.fingerprinter = fingerprinter;
        this.vertx = vertx;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Uni<ImportResult> importCilx(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("readAt") String readAt) {
        Instant defaultReadAt = defaultReadAt(readAt);
        return offEventLoop(() -> {
                    ReadingFile file;
                    try {
                        file = VamtCilxParser.parse(text(body, contentType), fingerprinter, defaultReadAt);
                    } catch (VamtCilxParser.InvalidExportException e) {
                        throw ProblemException.invalidField(
                                "body", e.getMessage(), "send the .cilx file VAMT exported");
                    }
                    return checked(
                            file, "no ProductKey entry of the export is readable", "send the .cilx file VAMT exported");
                })
                .chain(file -> imports.importReadings(file, "vamt-cilx"));
    }

    @POST
    @Consumes("text/csv")
    public Uni<ImportResult> importCsv(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("readAt") String readAt) {
        Instant defaultReadAt = defaultReadAt(readAt);
        return offEventLoop(() -> checked(
                        ReadingCsvParser.parse(text(body, contentType), fingerprinter, defaultReadAt),
                        "no row of the CSV is readable",
                        "send a header with remainingActivations and a key column (keyId, partialProductKey or"
                                + " productKey), and one row per key with a lastUpdate or the readAt query parameter"))
                .chain(file -> imports.importReadings(file, "csv"));
    }

    /**
     * Reads a file on a worker thread and emits the result on the request's context, where the import's database work
     * runs. Decoding, masking and parsing a file of 10 MB took 7 s, and on the event loop it held up every other
     * request of that thread meanwhile.
     */
    private Uni<ReadingFile> offEventLoop(Supplier<ReadingFile> reading) {
        return vertx.executeBlocking(Uni.createFrom().item(reading), false);
    }

    /**
     * Returns the file without readings dated outside the times a reading can have, or fails with 400 when it has no
     * reading left or more than {@link #MAX_READINGS}.
     */
    private static ReadingFile checked(ReadingFile parsed, String noReadings, String whatToDo) {
        ReadingFile file = parsed.withoutReadingsOutside(EventTime.EARLIEST_PLAUSIBLE, ClientClock.latestPastTime());
        if (file.readings().isEmpty()) {
            String message = file.problems().isEmpty()
                    ? "the file has no readings"
                    : noReadings + ": "
                            + String.join(
                                    "; ", file.problems().stream().limit(5).toList());
            throw ProblemException.invalidField("body", message, whatToDo);
        }
        if (file.readings().size() > MAX_READINGS) {
            throw ProblemException.invalidField(
                    "body",
                    "has " + file.readings().size() + " readings, more than " + MAX_READINGS + " in one file",
                    "split the file; an import locks every key it names until it ends");
        }
        return file;
    }

    /** Decodes the file as {@link BodyText} does: by byte-order mark, else the charset, else UTF-8. */
    private static String text(byte[] body, String contentType) {
        String text = BodyText.decode(body, contentType);
        return text == null ? "" : text;
    }

    /**
     * Rows without a date take {@code readAt}; without it the import is refused rather than dated now, because a
     * second import of the same file would then count as a new reading.
     */
    private static Instant defaultReadAt(String readAt) {
        if (readAt == null || readAt.isBlank()) {
            return null;
        }
        return JournalResource.instant("readAt", readAt, null);
    }
}
