package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pins the chain's hash format: a stored chain verifies only while {@link JournalHash} hashes the same text. The
 * expected values are SHA-256 sums of the fields joined by '|' with the time as {@code Instant.toString()} writes it,
 * computed outside Java.
 */
class JournalHashTest {

    @Test
    void hashFormatUnchanged() {
        String first = JournalHash.next(
                JournalHash.GENESIS,
                "KEY-A",
                "0190a3f2-7c1d-7b3e-9a4f-2c8d1e6f0a5b",
                EntryType.CONSUMED,
                "SN-0001",
                0,
                -1,
                1,
                Instant.parse("2026-11-02T06:00:00.120Z"));
        String second = JournalHash.next(
                first,
                "KEY-A",
                "top-up:PO-7",
                EntryType.TOPPED_UP,
                null,
                25,
                0,
                0,
                Instant.parse("2026-11-02T07:00:00Z"));

        assertThat(first).isEqualTo("4bf55834dc101458f12e51ee30f966acca130881153bbbbdb3e631b014b2e609");
        assertThat(second).isEqualTo("a86fb904ecca1d6851c78f0ea8b6cb3029d54d7d3ff57af58dc9751f1e82ffaa");
    }
}
