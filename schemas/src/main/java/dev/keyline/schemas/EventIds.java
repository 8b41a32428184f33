package dev.keyline.schemas;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Event ids as time-ordered UUIDs (version 7 of RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits.
 * Ids made close in time sort close together, so a consumer's unique index on event ids grows at its end instead of at
 * random places. Consumers treat the id as an opaque string and accept any UUID.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private EventIds() {}

    /** Returns a new id stamped with the current time. */
    public static String next() {
        return next(Clock.systemUTC().millis());
    }

    /** Returns a new id stamped with {@code unixMillis}. */
    static String next(long unixMillis) {
        long random = RANDOM.nextLong();
        long mostSignificant = ((unixMillis & 0xFFFF_FFFF_FFFFL) << 16) | VERSION_7 | (random & 0x0FFFL);
        long leastSignificant = VARIANT_RFC | (RANDOM.nextLong() >>> 2);
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
