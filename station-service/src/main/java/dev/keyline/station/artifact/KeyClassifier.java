package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyFingerprinter;
import java.util.Map;

/**
 * Classifies a full product key found in an artifact: one of our registered keys by HMAC fingerprint, a published
 * generic setup key, or unknown. {@code registered} maps fingerprints to key ids, as the ledger publishes them.
 */
public final class KeyClassifier {

    private final KeyFingerprinter fingerprinter;
    private final Map<String, String> keyIdsByFingerprint;
    private final GenericKeys genericKeys;

    public KeyClassifier(
            KeyFingerprinter fingerprinter, Map<String, String> keyIdsByFingerprint, GenericKeys genericKeys) {
        this.fingerprinter = fingerprinter;
        this.keyIdsByFingerprint = Map.copyOf(keyIdsByFingerprint);
        this.genericKeys = genericKeys;
    }

    public Classification classify(String key) {
        String fingerprint = fingerprinter.fingerprint(key);
        String keyId = keyIdsByFingerprint.get(fingerprint);
        if (keyId != null) {
            return new Classification(KeyClass.REGISTERED, fingerprint, keyId, null);
        }
        return genericKeys
                .edition(key)
                .map(edition -> new Classification(KeyClass.GENERIC, fingerprint, null, edition))
                .orElseGet(() -> new Classification(KeyClass.UNKNOWN, fingerprint, null, null));
    }

    /** A key's class, its fingerprint, and the key id or generic edition it matched. */
    public record Classification(KeyClass keyClass, String fingerprint, String keyId, String edition) {}
}
