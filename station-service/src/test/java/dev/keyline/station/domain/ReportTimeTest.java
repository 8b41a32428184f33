package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.platform.problem.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void pastAndSlightlyAheadAccepted() {
        assertThat(ReportTime.errors(null, NOW)).isEmpty();
        assertThat(ReportTime.errors("2026-11-02T06:00:00Z", NOW)).isEmpty();
        assertThat(ReportTime.errors("2026-12-05T12:00:00Z", NOW)).isEmpty();
        assertThat(ReportTime.errors("2026-12-05T13:00:00+01:00", NOW)).isEmpty();
    }

    @Test
    void moreThanADayAheadRejected() {
        List<FieldError> errors = ReportTime.errors("2999-01-01T00:00:00Z", NOW);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("/time");
        assertThat(errors.get(0).message())
                .isEqualTo("is more than a day after the service's clock (2026-12-04T12:00:00Z), got"
                        + " '2999-01-01T00:00:00Z'");
        assertThat(ReportTime.errors("2026-12-05T12:00:01Z", NOW)).hasSize(1);
    }

    @Test
    void timeBeforeYear2000Rejected() {
        assertThat(ReportTime.errors("1970-01-01T00:00:00Z", NOW))
                .extracting(FieldError::message)
                .containsExactly("is before 2000-01-01T00:00:00Z, so the station's clock is not set, got"
                        + " '1970-01-01T00:00:00Z'");
        assertThat(ReportTime.errors("1999-12-31T23:59:59Z", NOW)).hasSize(1);
        assertThat(ReportTime.errors("2000-01-01T00:00:00Z", NOW)).isEmpty();
    }

    @Test
    void unreadableTimeRejected() {
        assertThat(ReportTime.errors("yesterday", NOW))
                .extracting(FieldError::message)
                .containsExactly("must be an RFC 3339 date-time with a zone offset, got 'yesterday'");
    }

    @Test
    void formsOutsideRfc3339Rejected() {
        // Java's parser takes each of these; RFC 3339 takes none.
        List<String> times = List.of(
                "2026-12-03T10:00Z",
                "2026-12-03T10:00:00.Z",
                "-000001-01-01T00:00:00Z",
                "2026-12-03T10:00:00+0100",
                "2026-12-03T10:00:00+01",
                "2026-12-03T10:00:00");
        for (String time : times) {
            assertThat(ReportTime.parse(time)).as(time).isEmpty();
        }
    }

    @Test
    void rfc3339FormsRead() {
        assertThat(ReportTime.parse("2026-12-03t10:00:00.123456789z"))
                .contains(Instant.parse("2026-12-03T10:00:00.123456789Z"));
        assertThat(ReportTime.parse("2026-12-03T11:00:00+01:00")).contains(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(ReportTime.parse("2016-12-31T23:59:60Z")).contains(Instant.parse("2016-12-31T23:59:59Z"));
        assertThat(ReportTime.parse("2017-01-01T00:59:60+01:00")).contains(Instant.parse("2016-12-31T23:59:59Z"));
        assertThat(ReportTime.parse("2026-12-03T10:00:00.1234567891Z"))
                .contains(Instant.parse("2026-12-03T10:00:00.123456789Z"));
    }

    @Test
    void secondSixtyOnlyAtEndOfUtcDay() {
        assertThat(ReportTime.parse("2026-12-06T10:30:60Z")).isEmpty();
        assertThat(ReportTime.parse("2016-12-31T23:59:60+01:00")).isEmpty();
    }
}
