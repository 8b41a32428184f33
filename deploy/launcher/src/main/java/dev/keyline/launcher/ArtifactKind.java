package dev.keyline.launcher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The station artifacts a scenario can send, each with its station-service endpoint and media type. */
public enum ArtifactKind {
    SLMGR_OUTPUT("slmgr-output", "text", "text/plain", "slmgr", "channel", false),
    ANSWER_FILE("answer-file", "xml", "application/xml", "answer-file", "path", false),
    ANSWER_FILE_CHECK("answer-file-check", "xml", "application/xml", null, "path", true),
    EVENT_LOG("event-log", "xml", "application/xml", "event-log", "channel", false),
    STATION_LOG("station-log", "text", "text/plain", "log", null, false);

    private final String wireName;
    private final String contentField;
    private final String mediaType;
    private final String pathSegment;
    private final String queryParameter;
    private final boolean queryRequired;

    ArtifactKind(
            String wireName,
            String contentField,
            String mediaType,
            String pathSegment,
            String queryParameter,
            boolean queryRequired) {
        this.wireName = wireName;
        this.contentField = contentField;
        this.mediaType = mediaType;
        this.pathSegment = pathSegment;
        this.queryParameter = queryParameter;
        this.queryRequired = queryRequired;
    }

    /** Returns the scenario's {@code kind} value. */
    public String wireName() {
        return wireName;
    }

    /** Returns the scenario field that contains the artifact, {@code text} or {@code xml}. */
    public String contentField() {
        return contentField;
    }

    /** Returns the request's {@code Content-Type}. */
    public String mediaType() {
        return mediaType;
    }

    /** Returns whether the endpoint names a device, so the scenario line needs a {@code serial}. */
    public boolean needsSerial() {
        return pathSegment != null;
    }

    /** Returns the query parameter the endpoint reads ({@code channel} or {@code path}), if any. */
    public Optional<String> queryParameter() {
        return Optional.ofNullable(queryParameter);
    }

    /** Returns whether the endpoint rejects a request without the query parameter. */
    public boolean queryRequired() {
        return queryRequired;
    }

    /**
     * Returns the endpoint's path and query. {@code serial} is ignored by the answer-file check, which names no device,
     * and a null {@code queryValue} leaves the parameter out, so the service's default applies.
     */
    public String target(String serial, String queryValue) {
        String path = needsSerial()
                ? "/api/v1/devices/" + serial + "/artifacts/" + pathSegment
                : "/api/v1/answer-file-checks";
        if (queryParameter == null || queryValue == null) {
            return path;
        }
        return path + "?" + queryParameter + "=" + URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
    }

    public static Optional<ArtifactKind> find(String wireName) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(wireName))
                .findFirst();
    }
}
