package dev.keyline.station.config;

import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the shared, thread-safe helpers of the event contract as CDI beans. */
public class KeyBeans {

    @Produces
    @Singleton
    KeyFingerprinter fingerprinter(KeysConfig config) {
        return new KeyFingerprinter(config.fingerprintSecret());
    }

    @Produces
    @Singleton
    KeyRedactor redactor(KeyFingerprinter fingerprinter) {
        return new KeyRedactor(fingerprinter);
    }

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
