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
        assertThat(bounded).contains("...(1540 characters left out)...");
        assertThat(bounded).hasSize(240 + "...(1540 characters left out)...".length() + 240);
    }
}
