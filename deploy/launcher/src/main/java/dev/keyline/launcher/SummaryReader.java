package dev.keyline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads the summary from the ledger and alert APIs; it computes nothing that the services did not report. */
public final class SummaryReader {

    private SummaryReader() {}

    public static Summary read(KeylineApi api, StackInfo stack) {
        List<KeyBalance> keys = api.keyBalances().stream()
                .sorted(Comparator.comparing(KeyBalance::keyId))
                .toList();
        long devices = api.deviceTotal();
        SortedMap<String, Long> firingByRule = new TreeMap<>();
        for (JsonNode alert : api.firingAlerts()) {
            String rule = Json.requiredText(alert, "rule", "alert");
            firingByRule.merge(rule, 1L, Long::sum);
        }
        return new Summary(keys, devices, firingByRule, stack);
    }
}
