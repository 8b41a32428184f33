package dev.keyline.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.PathIds;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a scenario in JSON Lines: one JSON object per line, blank lines skipped. A line is one of
 *
 * <ul>
 *   <li>{@code {"kind": "register-key", "keyId", "productKey", "allotment"}}, with an optional {@code "grantedAt"}
 *   <li>{@code {"kind": "device-provisioned" | "activation-attempted", "report": {...}}}, where the report is the
 *       request body of docs/API.md
 *   <li>{@code {"kind": "step", "serial", "report": {"step", "lineId", "stationId", "time"}}}
 *   <li>{@code {"kind": "slmgr-output" | "station-log", "serial", "lineId", "stationId", "text"}}, slmgr output with an
 *       optional {@code "channel"}
 *   <li>{@code {"kind": "answer-file" | "event-log", "serial", "lineId", "stationId", "xml"}}, with an optional
 *       {@code "path"} (answer file) or {@code "channel"} (event log)
 *   <li>{@code {"kind": "answer-file-check", "lineId", "stationId", "path", "xml"}}
 *   <li>{@code {"kind": "catch-up"}}, which waits until the services have processed the events of the lines before it
 * </ul>
 *
 * Only the fields the launcher needs are checked here; the services validate the rest.
 */
public final class ScenarioReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Same pattern as the event schemas use for ids; it also keeps ':' and ',' out of token entries. */
    private static final Pattern ID = Pattern.compile(PathIds.PATTERN);

    private ScenarioReader() {}

    public static Scenario read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    /** Parses the lines of a scenario; {@code source} names it in error messages. */
    public static Scenario parse(List<String> lines, String source) {
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                steps.add(parseLine(line, new Location(source, i + 1)));
            }
        }
        if (steps.isEmpty()) {
            throw new ScenarioException("scenario " + source + " has no steps: write one JSON object per line");
        }
        return new Scenario(steps);
    }

    private static ScenarioStep parseLine(String line, Location location) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw location.error("not valid JSON (" + KeyRedactor.maskAll(e.getOriginalMessage()) + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw location.error("expected a JSON object with a \"kind\" field");
        }
        String kind = text(object, "kind", location);
        if (kind.equals("register-key")) {
            return registerKey(object, location);
        }
        if (kind.equals("catch-up")) {
            return new ScenarioStep.CatchUp(location.line());
        }
        Optional<ReportKind> reportKind = ReportKind.find(kind);
        if (reportKind.isPresent()) {
            return stationReport(reportKind.get(), object, location);
        }
        ArtifactKind artifactKind = ArtifactKind.find(kind)
                .orElseThrow(() -> location.error("unknown kind '" + kind + "': expected register-key, catch-up, "
                        + "device-provisioned, activation-attempted, step, slmgr-output, answer-file, "
                        + "answer-file-check, event-log or station-log"));
        return stationArtifact(artifactKind, object, location);
    }

    private static ScenarioStep.RegisterKey registerKey(ObjectNode object, Location location) {
        String keyId = id(object, "keyId", location);
        String productKey = text(object, "productKey", location);
        if (!ProductKeys.isFullKey(productKey)) {
            throw location.error("\"productKey\" must be a 5x5 key XXXXX-XXXXX-XXXXX-XXXXX-XXXXX");
        }
        JsonNode allotment = object.get("allotment");
        if (allotment == null || !allotment.canConvertToLong() || !allotment.isIntegralNumber()) {
            throw location.error("\"allotment\" must be a whole number of activations");
        }
        if (allotment.asLong() < 0) {
            throw location.error("\"allotment\" must not be negative, got " + allotment.asLong());
        }
        Instant grantedAt = null;
        JsonNode granted = object.get("grantedAt");
        if (granted != null) {
            try {
                grantedAt = Instant.parse(granted.asText());
            } catch (DateTimeParseException e) {
                throw location.error("\"grantedAt\" must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z, got '"
                        + KeyRedactor.maskForEcho(granted.asText()) + "'");
            }
        }
        return new ScenarioStep.RegisterKey(location.line(), keyId, productKey, allotment.asLong(), grantedAt);
    }

    private static ScenarioStep.StationReport stationReport(ReportKind kind, ObjectNode object, Location location) {
        if (!(object.get("report") instanceof ObjectNode report)) {
            throw location.error("\"report\" must be a JSON object with the report body of docs/API.md");
        }
        String lineId = id(report, "lineId", location);
        String stationId = id(report, "stationId", location);
        // The serial goes into the URL of a step, so it must be a plain id there.
        String serial = kind.serialInPath() ? id(object, "serial", location) : null;
        return new ScenarioStep.StationReport(
                location.line(), kind, lineId + "/" + stationId, kind.path(serial), report);
    }

    private static ScenarioStep.StationArtifact stationArtifact(
            ArtifactKind kind, ObjectNode object, Location location) {
        String lineId = id(object, "lineId", location);
        String stationId = id(object, "stationId", location);
        String serial = kind.needsSerial() ? id(object, "serial", location) : null;
        String content = text(object, kind.contentField(), location);
        String queryValue = queryValue(kind, object, location);
        return new ScenarioStep.StationArtifact(
                location.line(), kind, lineId + "/" + stationId, serial, kind.target(serial, queryValue), content);
    }

    /** Returns the value of the kind's query parameter, or null when it is optional and absent. */
    private static String queryValue(ArtifactKind kind, ObjectNode object, Location location) {
        Optional<String> parameter = kind.queryParameter();
        if (parameter.isEmpty()) {
            return null;
        }
        if (!object.has(parameter.get()) && !kind.queryRequired()) {
            return null;
        }
        return text(object, parameter.get(), location);
    }

    private static String id(ObjectNode object, String field, Location location) {
        String value = text(object, field, location);
        if (!ID.matcher(value).matches()) {
            throw location.error("\"" + field + "\" is '" + KeyRedactor.maskAll(value)
                    + "': use 1 to 64 letters, digits, '.', '_' or '-', not dots alone");
        }
        return value;
    }

    private static String text(ObjectNode object, String field, Location location) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw location.error("missing text field \"" + field + "\"");
        }
        return value.asText();
    }

    private record Location(String source, int line) {

        ScenarioException error(String problem) {
            return new ScenarioException("invalid scenario " + source + " line " + line + ": " + problem);
        }
    }
}
