package dev.keyline.schemas.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the HMAC-SHA-256 fingerprint of a product key. Services that must match keys share one secret, so the same
 * key gives the same fingerprint in the station service and the ledger, while the fingerprint alone does not reveal
 * the key to anyone without the secret.
 */
public final class KeyFingerprinter {

    private static final String ALGORITHM = "HmacSHA256";

    /** Minimum secret length in bytes; shorter secrets make the fingerprint easier to brute-force. */
    public static final int MIN_SECRET_BYTES = 16;

    private final SecretKeySpec secret;

    public KeyFingerprinter(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the fingerprint secret must have at least " + MIN_SECRET_BYTES
                    + " bytes, got " + bytes.length + "; set keyline.keys.fingerprint-secret to a longer value");
        }
        this.secret = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** Returns the lower-case hex HMAC of the normalized key. */
    public String fingerprint(String key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            byte[] digest = mac.doFinal(ProductKeys.normalize(key).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
