package dev.keyline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void keysInAnySpellingMaskedInDetail() {
        Problem problem = Problem.of(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "'tstgghhhhhjjjjjkkkkk3m8pq/plain' is not accepted; the root element is TSTGG-HHHHH-JJJJJ-KKKKK-3M8PQ");

        assertThat(problem.detail())
                .isEqualTo("'*****-*****-*****-*****-3M8PQ/plain' is not accepted; the root element is"
                        + " *****-*****-*****-*****-3M8PQ");
    }

    @Test
    void keysMaskedInFieldErrors() {
        FieldError error = new FieldError(
                "/TSTGGHHHHHJJJJJKKKKK3M8PQ", "'tstgg-hhhhh-jjjjj-kkkkk-3m8pq' is not an instant", "send a time");

        assertThat(error.field()).isEqualTo("/*****-*****-*****-*****-3M8PQ");
        assertThat(error.message()).isEqualTo("'*****-*****-*****-*****-3M8PQ' is not an instant");
        assertThat(error.fix()).isEqualTo("send a time");
    }

    @Test
    void ordinaryValuesUnchanged() {
        Problem problem = Problem.of(
                400,
                "invalid-request",
                "Invalid request",
                "event 0b7e3c1a-6f2d-4a8e-9c51-2d7f80a4e913 of device SN-0001 names key KEY-A",
                List.of(new FieldError("/serial", "is longer than 64 characters", "send a shorter serial")));

        assertThat(problem.detail())
                .isEqualTo("event 0b7e3c1a-6f2d-4a8e-9c51-2d7f80a4e913 of device SN-0001 names key KEY-A");
        assertThat(problem.errors().get(0).message()).isEqualTo("is longer than 64 characters");
    }
}
