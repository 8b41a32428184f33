package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationTextTest {

    @Test
    void shortLocationKept() {
        String location = "x".repeat(LocationText.MAX_LENGTH);

        assertThat(LocationText.bounded(location)).isEqualTo(location);
        assertThat(LocationText.bounded(null)).isNull();
    }

    @Test
    void longLocationCutInMiddle() {
        String location = "/unattend" + "/a".repeat(1000) + "/ProductKey";

        String bounded = LocationText.bounded(location);

        assertThat(bounded).startsWith("/unattend/a/a").endsWith("/a/a/ProductKey");
        assertThat(bounded).contains("...(1554 characters left out)...");
        assertThat(bounded).hasSize(233 + "...(1554 characters left out)...".length() + 233);
    }

    @Test
    void hugeLocationStaysWithinMaximum() {
        String bounded = LocationText.bounded("/a".repeat(600_000));

        assertThat(bounded.length()).isLessThanOrEqualTo(LocationText.MAX_LENGTH);
        assertThat(LocationText.bounded(bounded)).isEqualTo(bounded);
    }
}
