package dev.keyline.station.artifact;

import java.time.Instant;
import java.util.List;

/**
 * One exported Windows event: provider, event id (normalized from an {@code InstanceId}), creation time, computer and
 * the {@code EventData/Data} values in order. {@code time} is null when the export has none.
 */
public record LogEvent(String provider, int eventId, Instant time, String computer, List<String> data) {}
