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
        assertThat(ReportTime.errors("-000001-01-01T00:00:00Z", NOW))
                .extracting(FieldError::message)
                .containsExactly("is before 2000-01-01T00:00:00Z, so the station's clock is not set, got"
                        + " '-000001-01-01T00:00:00Z'");
        assertThat(ReportTime.errors("1999-12-31T23:59:59Z", NOW)).hasSize(1);
        assertThat(ReportTime.errors("2000-01-01T00:00:00Z", NOW)).isEmpty();
    }

    @Test
    void unreadableTimeRejected() {
        assertThat(ReportTime.errors("yesterday", NOW))
                .extracting(FieldError::message)
                .containsExactly("must be an RFC 3339 date-time with a zone offset, got 'yesterday'");
    }
}
