package dev.keyline.ledger.config;

import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.keys.KeyFingerprinter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the shared, thread-safe helpers of the event contract once. */
public class FingerprinterProducer {

    @Produces
    @Singleton
    KeyFingerprinter fingerprinter(KeysConfig config) {
        return new KeyFingerprinter(config.fingerprintSecret());
    }

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
