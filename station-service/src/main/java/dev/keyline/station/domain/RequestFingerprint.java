package dev.keyline.station.domain;

import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeySpan;
import dev.keyline.schemas.keys.KeySpans;
import dev.keyline.schemas.keys.ProductKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256, in hex, of a report request: the endpoint it was sent to, its body with full product keys masked, and
 * the HMAC fingerprint of each of those keys. Two sends of one report have the same fingerprint, so a resend under the
 * same {@link IdempotencyKey} is recognized, and a resend that contains another key with the same last five characters
 * has another one, so it is refused instead of hiding that key.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    /**
     * Returns the fingerprint of {@code body} sent to {@code target}, a name of the endpoint such as {@code
     * device-provisioned} or {@code steps/L1-0001}. The keys that masking finds in the body enter it only as their
     * masked form and their HMAC fingerprints, so the fingerprint cannot be checked against such a key without the
     * fingerprint secret.
     */
    public static String of(String target, String body, KeyFingerprinter keys) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        String text = body == null ? "" : body;
        List<KeySpan> spans = KeySpans.in(text);
        sha256.update(target.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        int copiedUpTo = 0;
        for (KeySpan span : spans) {
            sha256.update(text.substring(copiedUpTo, span.start()).getBytes(StandardCharsets.UTF_8));
            sha256.update(ProductKeys.mask(span.key()).getBytes(StandardCharsets.UTF_8));
            copiedUpTo = span.end();
        }
        sha256.update(text.substring(copiedUpTo).getBytes(StandardCharsets.UTF_8));
        for (KeySpan span : spans) {
            sha256.update((byte) '\n');
            sha256.update(keys.fingerprint(span.key()).getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
