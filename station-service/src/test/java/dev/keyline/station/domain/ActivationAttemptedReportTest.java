package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivationAttemptedReportTest {

    @Test
    void hresultAndPartialKeyUpperCased() {
        ActivationAttempted data = report("0xc004c020", null).toEventData();

        assertThat(data.result()).isEqualTo("0xC004C020");
        assertThat(data.partialKey()).isEqualTo("7QX4M");
        assertThat(data.channel()).isEqualTo(ActivationChannel.VAMT_PROXY);
    }

    @Test
    void hardwareHashAndUwfStatePublished() {
        ActivationAttempted data = new ActivationAttemptedReport(
                        "SN-1",
                        "line-1",
                        "activation-01",
                        null,
                        null,
                        "7QX4M",
                        "internet",
                        "success",
                        null,
                        "aGFyZHdhcmUtMQ==",
                        true)
                .toEventData();

        assertThat(data.hardwareHash()).isEqualTo("aGFyZHdhcmUtMQ==");
        assertThat(data.uwfEnabled()).isTrue();
        assertThat(report("success", null).toEventData().hardwareHash()).isNull();
        assertThat(report("success", null).toEventData().uwfEnabled()).isNull();
    }

    @Test
    void successKept() {
        assertThat(report("success", null).toEventData().result()).isEqualTo("success");
        assertThat(report("0x00000000", null).toEventData().result()).isEqualTo("success");
    }

    @Test
    void timeFromReportOrArrival() {
        Instant arrival = Instant.parse("2026-12-02T10:00:00Z");

        assertThat(report("success", "2026-12-01T09:30:00+01:00").occurredAt(arrival))
                .isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(report("success", null).occurredAt(arrival)).isEqualTo(arrival);
    }

    @Test
    void unreadableTimeIsRuleError() {
        assertThat(report("success", "2026-12-01 08:30").ruleErrors())
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("/time");
                    assertThat(error.message()).endsWith("got '2026-12-01 08:30'");
                });
    }

    private static ActivationAttemptedReport report(String result, String time) {
        return new ActivationAttemptedReport(
                "SN-1", "line-1", "activation-01", time, null, "7qx4m", "vamt-proxy", result, null, null, null);
    }
}
