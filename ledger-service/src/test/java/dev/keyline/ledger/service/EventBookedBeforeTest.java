package dev.keyline.ledger.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures of a batch's first attempt make the ledger book it again with the repeat check. */
class EventBookedBeforeTest {

    @Test
    void duplicateEventIdIsBookedBefore() {
        PgException duplicate = failure("23505", "device_events_pkey");

        assertThat(duplicate.getConstraint()).isEqualTo("device_events_pkey");
        assertThat(BookingService.isEventBookedBefore(duplicate)).isTrue();
    }

    @Test
    void duplicateDeviceIsNotBookedBefore() {
        assertThat(BookingService.isEventBookedBefore(failure("23505", "devices_pkey")))
                .isFalse();
    }

    @Test
    void deadlockIsNotBookedBefore() {
        assertThat(BookingService.isEventBookedBefore(failure("40P01", null))).isFalse();
    }

    @Test
    void otherExceptionIsNotBookedBefore() {
        assertThat(BookingService.isEventBookedBefore(new SQLException("duplicate", "23505")))
                .isFalse();
    }

    /** Returns a PostgreSQL error with this SQLSTATE and constraint, as the client reports it. */
    private static PgException failure(String sqlState, String constraint) {
        return new PgException(
                "duplicate key value violates unique constraint",
                "ERROR",
                sqlState,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "public",
                "device_events",
                null,
                null,
                constraint);
    }
}
