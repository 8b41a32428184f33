package dev.keyline.station.domain;

import dev.keyline.schemas.keys.KeyRedactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256, in hex, of a report request: the endpoint it was sent to and its body with full product keys masked. Two
 * sends of one report have the same fingerprint, so a resend under the same {@link IdempotencyKey} is recognized.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    /**
     * Returns the fingerprint of {@code body} sent to {@code target}, a name of the endpoint such as {@code
     * device-provisioned} or {@code steps/L1-0001}. Only the masked body is hashed, so the fingerprint contains no full
     * key.
     */
    public static String of(String target, String body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha256.update(target.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(KeyRedactor.maskAll(body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }
}
