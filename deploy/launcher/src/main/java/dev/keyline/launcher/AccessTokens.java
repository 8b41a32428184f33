package dev.keyline.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Bearer tokens for one run of the local stack: one for the operator, one for the auditor and one per station
 * ({@code lineId/stationId}). The services get only the SHA-256 of each token, in the {@code KEYLINE_AUTH_TOKENS}
 * format of docs/API.md.
 */
public final class AccessTokens {

    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    private static final String STATION_ROLE = "station";
    private static final int TOKEN_BYTES = 32;

    private final String operatorToken;
    private final String auditorToken;
    private final Map<String, String> stationTokens;

    private AccessTokens(String operatorToken, String auditorToken, Map<String, String> stationTokens) {
        this.operatorToken = operatorToken;
        this.auditorToken = auditorToken;
        this.stationTokens = Map.copyOf(stationTokens);
    }

    /** Generates fresh random tokens for the operator, the auditor and each station principal. */
    public static AccessTokens generate(Collection<String> stationPrincipals) {
        SecureRandom random = new SecureRandom();
        Map<String, String> stationTokens = new TreeMap<>();
        for (String principal : stationPrincipals) {
            stationTokens.put(principal, randomToken(random));
        }
        return new AccessTokens(randomToken(random), randomToken(random), stationTokens);
    }

    public String operatorToken() {
        return operatorToken;
    }

    public String auditorToken() {
        return auditorToken;
    }

    /** Returns the token of a station principal {@code lineId/stationId}, if the run has one. */
    public Optional<String> stationToken(String principal) {
        return Optional.ofNullable(stationTokens.get(principal));
    }

    /**
     * Writes every token of this run to {@code file} (owner read and write only) as {@code principal=token} lines, so a
     * user can call the station endpoints as a station would.
     */
    public void writeTo(Path file) throws IOException {
        StringBuilder lines = new StringBuilder("# Bearer tokens of this local stack, one principal per line.\n");
        lines.append(OPERATOR).append('=').append(operatorToken).append('\n');
        lines.append(AUDITOR).append('=').append(auditorToken).append('\n');
        stationTokens.forEach((principal, token) ->
                lines.append(principal).append('=').append(token).append('\n'));
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, lines);
    }

    /** Returns the value of {@code KEYLINE_AUTH_TOKENS}: comma-separated {@code sha256hex:principal:role} entries. */
    public String authTokensVariable() {
        List<String> entries = new ArrayList<>();
        entries.add(sha256Hex(operatorToken) + ":" + OPERATOR + ":" + OPERATOR);
        entries.add(sha256Hex(auditorToken) + ":" + AUDITOR + ":" + AUDITOR);
        new TreeMap<>(stationTokens)
                .forEach((principal, token) -> entries.add(sha256Hex(token) + ":" + principal + ":" + STATION_ROLE));
        return String.join(",", entries);
    }

    /** Returns the lower-case hex SHA-256 of the token's UTF-8 bytes, as {@code printf %s TOKEN | sha256sum} does. */
    public static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Lists the station principals and leaves out every token. */
    @Override
    public String toString() {
        return "AccessTokens[stations=" + new TreeMap<>(stationTokens).keySet() + "]";
    }

    private static String randomToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
