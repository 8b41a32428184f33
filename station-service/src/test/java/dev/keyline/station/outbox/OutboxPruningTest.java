package dev.keyline.station.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.platform.outbox.OutboxPruning;
import dev.keyline.station.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sent outbox rows older than the retention (7 days) are deleted, and the published count stays exact. */
@QuarkusTest
class OutboxPruningTest {

    private static final String TOPIC = "keyline.pruning-test";

    @Inject
    OutboxPruning pruning;

    @Test
    void oldSentRowsPrunedAndCounted() throws Exception {
        TestDatabase.awaitOutboxDrained();
        insertSent(8);
        insertSent(8);
        insertSent(30);
        insertSent(1);
        insertSent(6);

        long pruned = pruning.pruneNow();

        assertThat(pruned).isEqualTo(3);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM outbox WHERE topic = '" + TOPIC + "'"))
                .isEqualTo(2);
        assertThat(TestDatabase.queryLong("SELECT row_count FROM outbox_pruned WHERE topic = '" + TOPIC + "'"))
                .isEqualTo(3);
        assertThat(pruning.publishedCount(TOPIC).await().atMost(Duration.ofSeconds(10)))
                .isEqualTo(5);
        assertThat(pruning.pruneNow()).as("a second pruning").isZero();
    }

    private static void insertSent(int daysAgo) throws Exception {
        TestDatabase.execute("INSERT INTO outbox (topic, record_key, payload, created_at, sent_at) VALUES ('" + TOPIC
                + "', 'k', '{}', now() - interval '" + daysAgo + " days', now() - interval '" + daysAgo + " days')");
    }
}
