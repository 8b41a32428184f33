package dev.keyline.station.domain;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;
import java.util.List;

/** An accepted report: its event and the exposure events of the keys found in it, all written to the outbox. */
public record ReportOutcome(CloudEvent<? extends LineEvent> report, List<CloudEvent<KeyExposed>> exposures) {}
