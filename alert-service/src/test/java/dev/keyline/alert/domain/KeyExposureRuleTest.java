package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.exposure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyExposureRuleTest {

    @Test
    void exposureFiresCritical() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"));

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.identity().rule()).isEqualTo(AlertRule.KEY_EXPOSURE);
        assertThat(fire.identity().labels())
                .isEqualTo(Map.of(
                        "partialKey", "7QX4M", "lineId", "line-1", "stationId", "imaging-01", "location", "/notes"));
    }

    @Test
    void summaryNamesStationAndLocation() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"));

        assertThat(fire.summary())
                .isEqualTo("station imaging-01 on line line-1 sent the full product key *****-*****-*****-*****-7QX4M"
                        + " in its device-provisioned report for device SN-0001, at /notes");
    }

    @Test
    void actionRemovesKeyAndTreatsItLeaked() {
        Evaluation.Fire fire = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"));

        assertThat(fire.action())
                .isEqualTo("remove the key from where it was found (/notes in the device-provisioned report of"
                        + " station imaging-01) and from the device registry with 'slmgr /cpky'; treat key"
                        + " *****-*****-*****-*****-7QX4M as leaked and watch its Microsoft-reported remaining"
                        + " count");
    }

    @Test
    void otherDeviceSameIdentity() {
        Evaluation.Fire first = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0001"));
        Evaluation.Fire second = (Evaluation.Fire) KeyExposureRule.evaluate(exposure("SN-0002"));

        assertThat(first.identity().text()).isEqualTo(second.identity().text());
    }
}
