package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StationBindingTest {

    @Test
    void principalParsed() {
        assertThat(StationBinding.parse("line-1/imaging-01")).contains(new StationBinding("line-1", "imaging-01"));
    }

    @Test
    void malformedPrincipalsRejected() {
        assertThat(StationBinding.parse("operator")).isEmpty();
        assertThat(StationBinding.parse("line-1/imaging-01/extra")).isEmpty();
        assertThat(StationBinding.parse("line 1/imaging-01")).isEmpty();
        assertThat(StationBinding.parse("/imaging-01")).isEmpty();
        assertThat(StationBinding.parse(null)).isEmpty();
    }

    @Test
    void sourceAndMatch() {
        StationBinding station = new StationBinding("line-1", "imaging-01");

        assertThat(station.source()).isEqualTo("/lines/line-1/stations/imaging-01");
        assertThat(station.matches("line-1", "imaging-01")).isTrue();
        assertThat(station.matches("line-1", "activation-01")).isFalse();
        assertThat(station.matches("line-2", "imaging-01")).isFalse();
    }
}
