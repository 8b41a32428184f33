package dev.keyline.station.domain;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.keys.KeyFinding;
import java.time.Instant;
import java.util.List;

/** Builds one {@code keyline.key.exposed.v1} event per full product key found in a report. */
public final class ExposureEvents {

    /**
     * CloudEvents {@code subject} of an exposure whose report has no valid serial. The envelope requires a subject,
     * and the device is unknown, so consumers must not read this value as a serial.
     */
    public static final String UNKNOWN_DEVICE_SUBJECT = "unknown-device";

    private ExposureEvents() {}

    /**
     * Creates the events for {@code exposures}. {@code serial} is null when the report had no valid serial. The
     * station is the one the token is bound to, because it sent the key whatever line the report names.
     */
    public static List<CloudEvent<KeyExposed>> create(
            ReportKind kind, List<KeyExposure> exposures, StationBinding station, String serial, Instant time) {
        return create(kind.wireName(), exposures, station, serial, time);
    }

    /**
     * Creates the events for keys found in a station artifact or report. {@code report} names what the key was found
     * in, such as {@code answer-file}, {@code slmgr}, {@code event-log} or {@code log}.
     */
    public static List<CloudEvent<KeyExposed>> create(
            String report, List<KeyExposure> exposures, StationBinding station, String serial, Instant time) {
        String subject = serial == null ? UNKNOWN_DEVICE_SUBJECT : serial;
        return exposures.stream()
                .map(exposure ->
                        CloudEvent.create(station.source(), subject, time, data(report, exposure, station, serial)))
                .toList();
    }

    private static KeyExposed data(String report, KeyExposure exposure, StationBinding station, String serial) {
        KeyFinding finding = exposure.finding();
        return new KeyExposed(
                serial,
                station.lineId(),
                station.stationId(),
                finding.maskedKey(),
                finding.partialKey(),
                finding.fingerprint(),
                report,
                LocationText.bounded(exposure.location()));
    }
}
