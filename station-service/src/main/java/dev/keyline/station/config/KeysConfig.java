package dev.keyline.station.config;

import io.smallrye.config.ConfigMapping;

/** Product-key settings shared with the ledger, which must fingerprint keys with the same secret. */
@ConfigMapping(prefix = "keyline.keys")
public interface KeysConfig {

    /**
     * HMAC-SHA-256 secret of key fingerprints, at least 16 bytes. It has no default because a fingerprint made with a
     * published secret can be brute-forced back to the key. Production sets {@code KEYLINE_KEYS_FINGERPRINT_SECRET}.
     */
    String fingerprintSecret();
}
