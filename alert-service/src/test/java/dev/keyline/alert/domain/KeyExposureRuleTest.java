package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.exposure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.KeyExposed;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyExposureRuleTest {

    @Test
    void exposureFiresCritical() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"), Optional.empty());

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.identity().rule()).isEqualTo(AlertRule.KEY_EXPOSURE);
        assertThat(fire.identity().labels())
                .isEqualTo(Map.of(
                        "partialKey",
                        "7QX4M",
                        "lineId",
                        "line-1",
                        "stationId",
                        "imaging-01",
                        "report",
                        "device-provisioned",
                        "fingerprint",
                        "0123456789abcdef"));
    }

    @Test
    void otherLocationSameIdentity() {
        KeyExposed first = exposure("SN-0001");
        KeyExposed second = new KeyExposed(
                first.serial(),
                first.lineId(),
                first.stationId(),
                first.maskedKey(),
                first.partialKey(),
                first.fingerprint(),
                first.report(),
                "line 60000");

        assertThat(((Evaluation.Fire) KeyExposureRule.evaluate(first, Optional.empty()))
                        .identity()
                        .text())
                .isEqualTo(((Evaluation.Fire) KeyExposureRule.evaluate(second, Optional.empty()))
                        .identity()
                        .text());
    }

    @Test
    void summaryNamesStationAndLocation() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"), Optional.empty());

        assertThat(fire.summary())
                .isEqualTo("station imaging-01 on line line-1 sent the full product key *****-*****-*****-*****-7QX4M"
                        + " in its device-provisioned report for device SN-0001, at /notes");
    }

    @Test
    void actionRemovesKeyAndTreatsItLeaked() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"), Optional.empty());

        assertThat(fire.action())
                .isEqualTo("remove the key from where it was found (/notes in the device-provisioned report of"
                        + " station imaging-01) and from the device registry with 'slmgr /cpky'; treat key"
                        + " *****-*****-*****-*****-7QX4M as leaked and watch its Microsoft-reported remaining"
                        + " count");
    }

    @Test
    void requestExposureNamesStationTool() {
        KeyExposed inUrl = new KeyExposed(
                null,
                "line-1",
                "imaging-01",
                "*****-*****-*****-*****-7QX4M",
                "7QX4M",
                "ab".repeat(32),
                KeyExposureRule.REQUEST,
                "URL path");

        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(inUrl, Optional.of("KEY-A"));

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.summary())
                .isEqualTo("station imaging-01 on line line-1 sent the full product key *****-*****-*****-*****-7QX4M"
                        + " (key KEY-A) in the URL path of a request to the station service");
        assertThat(fire.action())
                .isEqualTo("fix the tool of station imaging-01 so that it sends the device serial in the URL and a"
                        + " new UUID as Idempotency-Key, never a product key; the key was in clear text in the"
                        + " station's request and in any proxy or access log on its way, so treat key"
                        + " *****-*****-*****-*****-7QX4M as leaked and watch its Microsoft-reported remaining count");
    }

    @Test
    void otherDeviceSameIdentity() {
        Evaluation.Fire first = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"), Optional.empty());
        Evaluation.Fire second = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0002"), Optional.empty());

        assertThat(first.identity().text()).isEqualTo(second.identity().text());
    }

    @Test
    void ourKeyNamedInSummary() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"), Optional.of("KEY-A"));

        assertThat(fire.summary())
                .isEqualTo("station imaging-01 on line line-1 sent the full product key *****-*****-*****-*****-7QX4M"
                        + " (key KEY-A) in its device-provisioned report for device SN-0001, at /notes");
    }

    @Test
    void answerFileWithOurKeyCritical() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(answerFile(), Optional.of("KEY-A"));

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.summary())
                .isEqualTo("an answer file of device SN-0001 on station imaging-01, line line-1, holds the full"
                        + " product key *****-*****-*****-*****-7QX4M (our key KEY-A) at " + SPECIALIZE_KEY);
        assertThat(fire.action())
                .isEqualTo("remove the key from the answer file at " + SPECIALIZE_KEY + ", and from the copies setup"
                        + " caches under %WINDIR%\\Panther and %WINDIR%\\System32\\Sysprep, before the image"
                        + " ships; treat key KEY-A as leaked if an image with it has shipped");
    }

    @Test
    void answerFileOtherKeyInfo() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(answerFile(), Optional.empty());

        assertThat(fire.severity()).isEqualTo(Severity.INFO);
        assertThat(fire.summary()).contains("(a key that is not registered in Keyline, such as a generic setup key)");
        assertThat(fire.action()).endsWith("if the key is not a published generic setup key, find out whose key it is");
    }

    @Test
    void sharedPartialKeyNamesKeyId() {
        // KEY-C and KEY-D both end in 6789B, and both leaked at the same station in the same kind of report.
        Evaluation.Fire keyC = (Evaluation.Fire)
                KeyExposureRule.evaluate(exposure("SN-0001", "6789B", FINGERPRINT_C), Optional.of("KEY-C"));
        Evaluation.Fire keyD = (Evaluation.Fire)
                KeyExposureRule.evaluate(exposure("SN-0002", "6789B", FINGERPRINT_D), Optional.of("KEY-D"));

        assertThat(keyC.identity().text())
                .isEqualTo("key-exposure{keyId=\"KEY-C\",lineId=\"line-1\",partialKey=\"6789B\","
                        + "report=\"device-provisioned\",stationId=\"imaging-01\"}");
        assertThat(keyD.identity().text())
                .isEqualTo("key-exposure{keyId=\"KEY-D\",lineId=\"line-1\",partialKey=\"6789B\","
                        + "report=\"device-provisioned\",stationId=\"imaging-01\"}");
    }

    @Test
    void sharedPartialKeyNamesFingerprint() {
        Evaluation.Fire first = (Evaluation.Fire)
                KeyExposureRule.evaluate(exposure("SN-0001", "6789B", FINGERPRINT_C), Optional.empty());
        Evaluation.Fire second = (Evaluation.Fire)
                KeyExposureRule.evaluate(exposure("SN-0002", "6789B", FINGERPRINT_D), Optional.empty());

        assertThat(first.identity().text())
                .isEqualTo("key-exposure{fingerprint=\"1a2b3c4d5e6f7081\",lineId=\"line-1\",partialKey=\"6789B\","
                        + "report=\"device-provisioned\",stationId=\"imaging-01\"}");
        assertThat(second.identity().text())
                .isEqualTo("key-exposure{fingerprint=\"f0e1d2c3b4a59687\",lineId=\"line-1\",partialKey=\"6789B\","
                        + "report=\"device-provisioned\",stationId=\"imaging-01\"}");
    }

    /** Made-up fingerprints of two keys with the partial key 6789B. Only their first 16 characters differ. */
    private static final String FINGERPRINT_C = "1a2b3c4d5e6f7081" + "9".repeat(48);

    private static final String FINGERPRINT_D = "f0e1d2c3b4a59687" + "9".repeat(48);

    private static final String SPECIALIZE_KEY =
            "/unattend/settings[@pass='specialize']/component[@name='Microsoft-Windows-Shell-Setup']/ProductKey";

    private static KeyExposed answerFile() {
        return new KeyExposed(
                "SN-0001",
                "line-1",
                "imaging-01",
                "*****-*****-*****-*****-7QX4M",
                "7QX4M",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "answer-file",
                SPECIALIZE_KEY);
    }
}
