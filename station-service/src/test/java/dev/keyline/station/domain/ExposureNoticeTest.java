package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureNoticeTest {

    private static final Instant TIME = Instant.parse("2026-12-05T18:00:00Z");

    @Test
    void noExposuresNoNotice() {
        assertThat(ExposureNotice.describe(List.of())).isEmpty();
    }

    @Test
    void fewExposuresListedEach() {
        List<CloudEvent<KeyExposed>> exposures = exposures(2);

        assertThat(ExposureNotice.describe(exposures))
                .isEqualTo(" The request contained full product keys, which were masked and recorded as exposed:"
                        + " *****-*****-*****-*****-7QX4M at line 1 (exposure event "
                        + exposures.get(0).id() + "),"
                        + " *****-*****-*****-*****-7QX4M at line 2 (exposure event "
                        + exposures.get(1).id() + ")."
                        + " Treat these keys as leaked, and send keyId or partialKey instead of a full key.");
    }

    @Test
    void manyExposuresCountedAfterListed() {
        List<CloudEvent<KeyExposed>> exposures = exposures(5_000);

        String notice = ExposureNotice.describe(exposures);

        assertThat(notice)
                .contains("at line 20 (exposure event " + exposures.get(19).id() + ")");
        assertThat(notice).doesNotContain("at line 21 ");
        assertThat(notice)
                .contains(
                        ", and 4980 more (exposure events " + exposures.get(20).id() + " to "
                                + exposures.get(4_999).id() + "). Treat these keys as leaked");
        assertThat(notice.length()).isLessThan(3_000);
    }

    private static List<CloudEvent<KeyExposed>> exposures(int count) {
        List<CloudEvent<KeyExposed>> exposures = new ArrayList<>();
        for (int line = 1; line <= count; line++) {
            exposures.add(CloudEvent.create(
                    new StationBinding("line-1", "imaging-01").source(),
                    "SN-1",
                    TIME,
                    new KeyExposed(
                            "SN-1",
                            "line-1",
                            "imaging-01",
                            "*****-*****-*****-*****-7QX4M",
                            "7QX4M",
                            "f".repeat(64),
                            "log",
                            "line " + line)));
        }
        return exposures;
    }
}
