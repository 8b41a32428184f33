package dev.keyline.ledger.config;

import io.smallrye.config.ConfigMapping;

/** How the ledger fingerprints product keys. */
@ConfigMapping(prefix = "keyline.keys")
public interface KeysConfig {

    /**
     * The HMAC secret for key fingerprints, at least 16 bytes. The station service must use the same secret so that
     * an exposed key it reports matches the registered key here.
     */
    String fingerprintSecret();
}
