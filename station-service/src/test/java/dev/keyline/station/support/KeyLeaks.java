package dev.keyline.station.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Checks that full product keys reached no topic, table or log line. Assertions test {@code contains} with a
 * description instead of {@code doesNotContain}, so a failure message does not print the key.
 */
public final class KeyLeaks {

    private static final Path LOG_FILE = Path.of("target/station-service-test.log");

    private KeyLeaks() {}

    public static void assertNowhere(String... keys) throws Exception {
        for (String topic : List.of(Topics.LINE_EVENTS, Topics.LINE_EVENTS_DLQ, Topics.LEDGER_EVENTS, Topics.ALERTS)) {
            for (ConsumerRecord<String, String> record : TopicReader.readAll(topic)) {
                assertNotIn(record.key(), "key of a record on " + topic, keys);
                assertNotIn(record.value(), "value of a record on " + topic, keys);
                for (Header header : record.headers()) {
                    assertNotIn(new String(header.value(), StandardCharsets.UTF_8), "header " + header.key(), keys);
                }
            }
        }
        for (String row : TestDatabase.dumpAllTables()) {
            assertNotIn(row, "a row of table " + row.substring(0, row.indexOf(':')), keys);
        }
        assertNotIn(logText(), "the service log " + LOG_FILE, keys);
    }

    /** Fails when {@code text} contains one of {@code keys}, without printing the text. */
    public static void assertNotIn(String text, String what, String... keys) {
        if (text == null) {
            return;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        for (String key : keys) {
            assertThat(upper.contains(key.toUpperCase(Locale.ROOT)))
                    .as(what + " contains the full key ending in " + key.substring(key.length() - 5))
                    .isFalse();
        }
    }

    private static String logText() throws IOException {
        assertThat(Files.exists(LOG_FILE))
                .as("log file " + LOG_FILE.toAbsolutePath())
                .isTrue();
        return Files.readString(LOG_FILE, StandardCharsets.UTF_8);
    }
}
