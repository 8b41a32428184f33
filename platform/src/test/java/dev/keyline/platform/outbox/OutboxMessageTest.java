package dev.keyline.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    // Made-up key in the 5x5 layout.
    private static final String KEY = "OUTBX-AAAAA-BBBBB-CCCCC-0UTB1";

    @Test
    void deadLetterMasksKeysAndNamesOrigin() {
        OutboxMessage message = OutboxMessage.deadLetter(
                "keyline.line-events.dlq",
                "keyline.line-events",
                2,
                41L,
                KEY,
                "{\"notes\": \"" + KEY + "\"",
                "not valid JSON near '" + KEY + "'",
                "ledger-service");

        assertThat(message.topic()).isEqualTo("keyline.line-events.dlq");
        assertThat(message.key()).isEqualTo("*****-*****-*****-*****-0UTB1");
        assertThat(message.payload()).doesNotContain(KEY).contains("*****-*****-*****-*****-0UTB1");
        assertThat(message.headers())
                .containsEntry("dead-letter-topic", "keyline.line-events")
                .containsEntry("dead-letter-partition", "2")
                .containsEntry("dead-letter-offset", "41")
                .containsEntry("dead-letter-consumer", "ledger-service")
                .containsEntry("dead-letter-reason", "not valid JSON near '*****-*****-*****-*****-0UTB1'");
    }
}
