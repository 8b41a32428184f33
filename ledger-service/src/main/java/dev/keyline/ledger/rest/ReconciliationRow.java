package dev.keyline.ledger.rest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Counts of one line's events with one key on one UTC day, by the time the event happened on the line. The counts
 * cover only the part of the day inside the report's range, from {@code from} (inclusive) to {@code to} (exclusive).
 */
public record ReconciliationRow(
        LocalDate day,
        Instant from,
        Instant to,
        String keyId,
        String lineId,
        long devicesProvisioned,
        long activationsConsumed,
        long reactivations,
        long repeats,
        long failures,
        long unattributed) {

    static final String CSV_HEADER = "day,from,to,key_id,line_id,devices_provisioned,activations_consumed,"
            + "reactivations,repeats,failures,unattributed";

    String csvRow() {
        return String.join(
                ",",
                day.toString(),
                from.toString(),
                to.toString(),
                Csv.field(keyId),
                Csv.field(lineId),
                Long.toString(devicesProvisioned),
                Long.toString(activationsConsumed),
                Long.toString(reactivations),
                Long.toString(repeats),
                Long.toString(failures),
                Long.toString(unattributed));
    }
}
