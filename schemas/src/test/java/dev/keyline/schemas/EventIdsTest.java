package dev.keyline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final long MILLIS = 1_796_000_000_123L; // 2026-11-30T00:53:20.123Z

    @Test
    void idIsVersionSevenWithItsTime() {
        UUID id = UUID.fromString(EventIds.next(MILLIS));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(MILLIS);
    }

    @Test
    void laterIdSortsAfter() {
        String earlier = EventIds.next(MILLIS);
        String later = EventIds.next(MILLIS + 1);

        assertThat(later).isGreaterThan(earlier);
        assertThat(later).startsWith("01a229f1-287c-7"); // 48 bits of time in hex, then the version digit
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next(MILLIS));
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void idMatchesEnvelopePattern() {
        assertThat(EventIds.next()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
