package dev.keyline.schemas.events;

import java.util.Map;

/** An alert was raised, updated or resolved; {@code action} tells operations staff what to do. */
public record AlertChanged(
        String alertId,
        String rule,
        String severity,
        String status,
        Map<String, String> labels,
        String summary,
        String action,
        String firstSeen,
        String lastSeen)
        implements EventData {}
