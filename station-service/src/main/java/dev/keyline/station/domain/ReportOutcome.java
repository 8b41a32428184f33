package dev.keyline.station.domain;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;
import java.util.List;

/**
 * An accepted report: its event and the exposure events of the keys found in it, all written to the outbox.
 * {@code warnings} tell the station what was accepted on incomplete information. {@code progress} is the device's
 * manufacturing state after a provisioning or a step report, and null for other reports.
 */
public record ReportOutcome(
        CloudEvent<? extends LineEvent> report,
        List<CloudEvent<KeyExposed>> exposures,
        List<String> warnings,
        DeviceProgress progress) {}
