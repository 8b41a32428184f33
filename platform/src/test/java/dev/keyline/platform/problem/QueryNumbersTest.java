package dev.keyline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryNumbersTest {

    @Test
    void numbersInRangeRead() {
        assertThat(QueryNumbers.read("size", "1", 1, 1000)).isEqualTo(1);
        assertThat(QueryNumbers.read("size", " 1000 ", 1, 1000)).isEqualTo(1000);
        assertThat(QueryNumbers.read("page", "0", 0, 5)).isEqualTo(0);
    }

    @Test
    void wrongTypeNamesParameter() {
        assertThatThrownBy(() -> QueryNumbers.read("size", "abc", 1, 1000))
                .isInstanceOf(ProblemException.class)
                .satisfies(failure -> {
                    Problem problem = ((ProblemException) failure).problem();
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors())
                            .containsExactly(new FieldError(
                                    "size",
                                    "must be a whole number from 1 to 1000, got 'abc'",
                                    "send size as a whole number from 1 to 1000"));
                });
    }

    @Test
    void outOfRangeAndKeyRejected() {
        assertThatThrownBy(() -> QueryNumbers.read("page", "-1", 0, 5))
                .isInstanceOf(ProblemException.class)
                .extracting(failure ->
                        ((ProblemException) failure).problem().errors().get(0).message())
                .isEqualTo("must be a whole number from 0 to 5, got '-1'");
        assertThatThrownBy(() -> QueryNumbers.read("limit", "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M", 1, 10))
                .isInstanceOf(ProblemException.class)
                .extracting(failure ->
                        ((ProblemException) failure).problem().errors().get(0).message())
                .isEqualTo("must be a whole number from 1 to 10, got '*****-*****-*****-*****-7QX4M'");
        assertThatThrownBy(() -> QueryNumbers.read("size", "9".repeat(100), 1, 10))
                .isInstanceOf(ProblemException.class)
                .extracting(failure ->
                        ((ProblemException) failure).problem().errors().get(0).message())
                .isEqualTo("must be a whole number from 1 to 10, got '" + "9".repeat(64) + "...'");
    }

    @Test
    void plusSignAndOtherDigitsRejected() {
        for (String value : new String[] {"+5", "\uFF15", "\u0663", "-", "", "\u30005", "5\u000B"}) {
            assertThatThrownBy(() -> QueryNumbers.read("size", value, 1, 10))
                    .as(value)
                    .isInstanceOf(ProblemException.class);
        }
    }
}
