package dev.keyline.station.domain;

import static dev.keyline.station.domain.ReportConstraints.ID;
import static dev.keyline.station.domain.ReportConstraints.ID_MESSAGE;
import static dev.keyline.station.domain.ReportConstraints.MISSING;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * Body of {@code POST /api/v1/reports/activation-attempted}: a device attempted activation. {@code result} is
 * {@code success} or an HRESULT such as {@code 0xC004C020}. The key fields are optional because an activation station
 * may not know which key the device carries. {@code hardwareHash} (the device's hardware hash at this attempt) and
 * {@code uwfEnabled} (Unified Write Filter on at activation) are optional and published as sent: the ledger books a
 * success with a new hardware hash as a reactivation after a hardware change, and records the filter's state.
 */
public record ActivationAttemptedReport(
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String serial,
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String lineId,
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String stationId,
        String time,
        @Pattern(regexp = ID, message = ID_MESSAGE) String keyId,
        @Pattern(regexp = ReportConstraints.PARTIAL_KEY, message = ReportConstraints.PARTIAL_KEY_MESSAGE)
                String partialKey,
        @NotNull(message = MISSING)
                @Pattern(regexp = ReportConstraints.CHANNEL, message = ReportConstraints.CHANNEL_MESSAGE)
                String channel,
        @NotNull(message = MISSING)
                @Pattern(regexp = ReportConstraints.RESULT, message = ReportConstraints.RESULT_MESSAGE)
                String result,
        @Size(max = ReportConstraints.MAX_NOTES, message = ReportConstraints.NOTES_MESSAGE) String notes,
        @Pattern(regexp = ReportConstraints.HARDWARE_HASH, message = ReportConstraints.HARDWARE_HASH_MESSAGE)
                String hardwareHash,
        Boolean uwfEnabled)
        implements StationReport {

    private static final String S_OK = "0x00000000";

    @Override
    public List<FieldError> ruleErrors() {
        return ReportTime.errors(time);
    }

    @Override
    public ActivationAttempted toEventData() {
        return new ActivationAttempted(
                serial,
                lineId,
                stationId,
                keyId,
                partialKey == null ? null : partialKey.toUpperCase(Locale.ROOT),
                ActivationChannel.fromWireName(channel),
                normalizedResult(),
                notes,
                hardwareHash,
                uwfEnabled);
    }

    /**
     * Returns {@code success}, or the HRESULT as {@code 0x} and 8 upper-case hex digits as the contract requires.
     * {@code 0x00000000} is S_OK, the HRESULT of a successful activation, so it is a success too.
     */
    private String normalizedResult() {
        if (ActivationAttempted.SUCCESS.equals(result) || S_OK.equalsIgnoreCase(result)) {
            return ActivationAttempted.SUCCESS;
        }
        return "0x" + result.substring(2).toUpperCase(Locale.ROOT);
    }
}
