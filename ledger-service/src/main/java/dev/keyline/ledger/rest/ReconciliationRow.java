package dev.keyline.ledger.rest;

import java.time.LocalDate;

/** Counts of one line's events with one key on one day (UTC, by the time the event happened on the line). */
public record ReconciliationRow(
        LocalDate day,
        String keyId,
        String lineId,
        long devicesProvisioned,
        long activationsConsumed,
        long reactivations,
        long repeats,
        long failures,
        long unattributed) {

    static final String CSV_HEADER = "day,key_id,line_id,devices_provisioned,activations_consumed,reactivations,"
            + "repeats,failures,unattributed";

    String csvRow() {
        return String.join(
                ",",
                day.toString(),
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
