package dev.keyline.alert.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.platform.problem.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestInstantsTest {

    @Test
    void rangeBoundsAccepted() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(RequestInstants.read("startsAt", "0001-01-01T00:00:00Z", errors))
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(RequestInstants.read("endsAt", "9999-12-31T23:59:59Z", errors))
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(RequestInstants.read("endsAt", "2026-12-05T19:00:00+01:00", errors))
                .isEqualTo(Instant.parse("2026-12-05T18:00:00Z"));
        assertThat(errors).isEmpty();
    }

    @Test
    void outsideRangeRejectedWithField() {
        List<String> outside = List.of(
                "+999999999-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "+300000-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z",
                "0001-01-01T00:00:00+00:01",
                "9999-12-31T23:59:59.000000001Z",
                "9999-12-31T23:59:59-01:00",
                "+10000-01-01T00:00:00Z");
        for (String value : outside) {
            List<FieldError> errors = new ArrayList<>();

            assertThat(RequestInstants.read("endsAt", value, errors)).as(value).isNull();
            assertThat(errors).as(value).hasSize(1);
            assertThat(errors.get(0).field()).as(value).isEqualTo("endsAt");
            assertThat(errors.get(0).message())
                    .as(value)
                    .isEqualTo("'" + value + "' is outside the accepted range 0001-01-01T00:00:00Z to"
                            + " 9999-12-31T23:59:59Z");
            assertThat(errors.get(0).fix())
                    .as(value)
                    .isEqualTo("send endsAt from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as"
                            + " 2026-12-05T18:00:00Z");
        }
    }

    @Test
    void malformedInstantRejected() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(RequestInstants.read("startsAt", "tomorrow", errors)).isNull();
        assertThat(RequestInstants.read("startsAt", "2026-02-30T00:00:00Z", errors))
                .isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("startsAt", "startsAt");
        assertThat(errors.get(0).message()).isEqualTo("'tomorrow' is not an RFC 3339 instant");
    }

    @Test
    void longValueCutInMessage() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(RequestInstants.read("endsAt", "9".repeat(100_000), errors)).isNull();
        assertThat(errors.get(0).message()).isEqualTo("'" + "9".repeat(64) + "...' is not an RFC 3339 instant");
    }
}
