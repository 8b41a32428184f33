package dev.keyline.station.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Bulk request bodies of device-provisioned reports, one event each, for the durability tests. */
public final class ReportBatches {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportBatches() {}

    /** Returns {@code size} reports for serials {@code prefix-batch-i}, on key KEY-OUT with the key not cleared. */
    public static String provisioned(String prefix, int batch, int size) {
        ArrayNode items = MAPPER.createArrayNode();
        for (int i = 0; i < size; i++) {
            items.addObject()
                    .put("kind", "device-provisioned")
                    .put("serial", prefix + "-" + batch + "-" + i)
                    .put("lineId", "line-1")
                    .put("stationId", "imaging-01")
                    .put("keyId", "KEY-OUT")
                    .put("method", "unattend")
                    .put("keyCleared", false);
        }
        return items.toString();
    }
}
