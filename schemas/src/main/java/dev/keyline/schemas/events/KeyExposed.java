package dev.keyline.schemas.events;

/**
 * A full product key was found in a station report and redacted before anything was stored or published. The key
 * itself is never carried: only its masked form, partial key and HMAC fingerprint.
 */
public record KeyExposed(
        String serial,
        String lineId,
        String stationId,
        String maskedKey,
        String partialKey,
        String fingerprint,
        String report,
        String location)
        implements LineEvent {}
