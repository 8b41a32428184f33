package dev.keyline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts the line events that an accepted artifact published, from the ids its 202 body names: {@code eventId} in
 * {@code events}, {@code evidence[].published} and {@code exposures}, and {@code exposureEventId} in answer-file
 * {@code findings}.
 */
final class ArtifactEvents {

    /** The device's open findings after an answer-file check, which may name events of earlier checks. */
    private static final String EARLIER_FINDINGS = "deviceFindings";

    private ArtifactEvents() {}

    static int count(JsonNode accepted) {
        Set<String> eventIds = new HashSet<>();
        collect(accepted, eventIds);
        return eventIds.size();
    }

    private static void collect(JsonNode node, Set<String> eventIds) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, eventIds));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if ((name.equals("eventId") || name.equals("exposureEventId")) && value.isTextual()) {
                eventIds.add(value.asText());
            } else if (!name.equals(EARLIER_FINDINGS)) {
                collect(value, eventIds);
            }
        }
    }
}
