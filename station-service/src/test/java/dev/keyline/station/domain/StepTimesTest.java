package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepTimesTest {

    private static final Instant QA_PASSED = Instant.parse("2026-12-05T13:00:00Z");

    @Test
    void stepDatedDaysBeforeWarned() {
        assertThat(StepTimes.warning(
                        ManufacturingStep.SHIPPED, Instant.parse("2026-12-01T09:00:00Z"), "qa-passed", QA_PASSED))
                .contains("step shipped is dated 2026-12-01T09:00:00Z, before the device's previous step qa-passed"
                        + " at 2026-12-05T13:00:00Z; the history lists steps in the order received, so check the"
                        + " station's clock or the time it sent");
    }

    @Test
    void clockDriftWithinToleranceAccepted() {
        assertThat(StepTimes.warning(
                        ManufacturingStep.SHIPPED, QA_PASSED.minus(StepTimes.TOLERANCE), "qa-passed", QA_PASSED))
                .isEmpty();
        assertThat(StepTimes.warning(
                        ManufacturingStep.SHIPPED,
                        QA_PASSED.minus(StepTimes.TOLERANCE).minusMillis(1),
                        "qa-passed",
                        QA_PASSED))
                .isPresent();
    }

    @Test
    void firstStepAndLaterStepAccepted() {
        assertThat(StepTimes.warning(ManufacturingStep.IMAGE_APPLIED, QA_PASSED, null, null))
                .isEmpty();
        assertThat(StepTimes.warning(ManufacturingStep.SHIPPED, QA_PASSED.plusSeconds(60), "qa-passed", QA_PASSED))
                .isEmpty();
    }
}
