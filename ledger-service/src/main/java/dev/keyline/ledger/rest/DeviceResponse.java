package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.DeviceEntity;
import java.time.Instant;
import java.util.Objects;

/** A device's record as the API returns it. */
public record DeviceResponse(
        String serial,
        String keyId,
        String partialKey,
        String lineId,
        String stationId,
        String method,
        String status,
        int activationAttempts,
        int successfulActivations,
        String lastResult,
        Instant provisionedAt,
        Instant activatedAt,
        int reactivations,
        Boolean uwfEnabledAtLastActivation) {

    /** The CSV columns: every field of the JSON, in its order, in snake case. */
    static final String CSV_HEADER = "serial,key_id,partial_key,line_id,station_id,method,status,activation_attempts,"
            + "successful_activations,last_result,provisioned_at,activated_at,reactivations,"
            + "uwf_enabled_at_last_activation";

    /** Returns the CSV row of this device, with an empty field where the JSON has null. */
    String csvRow() {
        return String.join(
                ",",
                Csv.field(serial),
                Csv.field(keyId),
                Csv.field(partialKey),
                Csv.field(lineId),
                Csv.field(stationId),
                Csv.field(method),
                Csv.field(status),
                Integer.toString(activationAttempts),
                Integer.toString(successfulActivations),
                Csv.field(lastResult),
                Objects.toString(provisionedAt, ""),
                Objects.toString(activatedAt, ""),
                Integer.toString(reactivations),
                Objects.toString(uwfEnabledAtLastActivation, ""));
    }

    public static DeviceResponse of(DeviceEntity device) {
        return new DeviceResponse(
                device.serial,
                device.keyId,
                device.partialKey,
                device.lineId,
                device.stationId,
                device.method,
                device.status.name().toLowerCase(java.util.Locale.ROOT),
                device.activationAttempts,
                device.successfulActivations,
                device.lastResult,
                device.provisionedAt,
                device.activatedAt,
                device.reactivations,
                device.uwfEnabled);
    }
}
