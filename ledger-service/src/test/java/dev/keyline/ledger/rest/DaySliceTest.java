package dev.keyline.ledger.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DaySliceTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-02");

    @Test
    void rangeWithinDayIsTheSlice() {
        DaySlice slice = DaySlice.of(DAY, Instant.parse("2026-11-02T06:00:00Z"), Instant.parse("2026-11-02T07:00:00Z"));

        assertThat(slice.from()).isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
        assertThat(slice.to()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
    }

    @Test
    void rangeOverManyDaysGivesWholeDay() {
        DaySlice slice = DaySlice.of(DAY, Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));

        assertThat(slice.from()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(slice.to()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    void rangeStartingInDayCutsItsStart() {
        DaySlice slice = DaySlice.of(DAY, Instant.parse("2026-11-02T18:30:00Z"), Instant.parse("2026-11-05T00:00:00Z"));

        assertThat(slice.from()).isEqualTo(Instant.parse("2026-11-02T18:30:00Z"));
        assertThat(slice.to()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    void rangeEndingInDayCutsItsEnd() {
        DaySlice slice = DaySlice.of(DAY, Instant.parse("2026-10-30T00:00:00Z"), Instant.parse("2026-11-02T12:00:00Z"));

        assertThat(slice.from()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(slice.to()).isEqualTo(Instant.parse("2026-11-02T12:00:00Z"));
    }
}
