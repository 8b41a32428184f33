package dev.keyline.ledger.messaging;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.at;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.LineEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LineEventBookingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void booksProvisioningAndActivations() {
        LedgerApi.registerKey("BOOK-1", "BOOKA-AAAAA-BBBBB-CCCCC-B0OK1", 10);

        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "BOOK-1",
                json(provisioned("B1-1", "BOOK-1", "B0OK1")),
                json(provisioned("B1-2", "BOOK-1", "B0OK1")),
                json(provisioned("B1-3", "BOOK-1", "B0OK1")),
                json(activation("B1-1", "BOOK-1", "B0OK1", "success")),
                json(activation("B1-2", "BOOK-1", "B0OK1", "0xC004F074")),
                json(activation("B1-2", "BOOK-1", "B0OK1", "success")),
                json(activation("B1-1", "BOOK-1", "B0OK1", "success")));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonPath key = LedgerApi.key("BOOK-1");
            assertThat(key.getLong("consumed")).isEqualTo(2);
            assertThat(key.getLong("committed")).isEqualTo(1);
            assertThat(key.getLong("available")).isEqualTo(7);
            assertThat(key.getLong("unattributed")).isZero();
        });
        JsonPath repeated = LedgerApi.device("B1-1");
        assertThat(repeated.getString("status")).isEqualTo("activated");
        assertThat(repeated.getInt("successfulActivations")).isEqualTo(2);
        JsonPath failedFirst = LedgerApi.device("B1-2");
        assertThat(failedFirst.getInt("activationAttempts")).isEqualTo(2);
        assertThat(failedFirst.getString("lastResult")).isEqualTo("success");
    }

    @Test
    void reKeyInLaterBatchReleasesEarlierKey() {
        LedgerApi.registerKey("BOOK-7", "BOOKA-RRRRR-SSSSS-TTTTT-B0OK7", 10);
        LedgerApi.registerKey("BOOK-8", "BOOKA-UUUUU-VVVVV-WWWWW-B0OK8", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-7", json(provisioned("B7-1", "BOOK-7", "B0OK7")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("BOOK-7").getLong("committed") == 1);

        // The second batch names only BOOK-8, so the booking locks BOOK-7 as the device's earlier key.
        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-8", json(provisioned("B7-1", "BOOK-8", "B0OK8")));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(LedgerApi.key("BOOK-8").getLong("committed")).isEqualTo(1);
            assertThat(LedgerApi.key("BOOK-7").getLong("committed")).isZero();
        });
        assertThat(LedgerApi.device("B7-1").getString("keyId")).isEqualTo("BOOK-8");
        for (String keyId : List.of("BOOK-7", "BOOK-8")) {
            JsonPath chain = given().auth()
                    .oauth2(LedgerApi.AUDITOR)
                    .get("/api/v1/keys/{keyId}/journal/verify", keyId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(chain.getBoolean("valid")).as("chain of %s", keyId).isTrue();
            assertThat(chain.getInt("entries")).as("entries of %s", keyId).isEqualTo(keyId.equals("BOOK-7") ? 3 : 2);
        }
    }

    @Test
    void nanosecondTimeKeepsChainValid() {
        LedgerApi.registerKey("BOOK-9", "BOOKA-XXXXX-YYYYY-ZZZZZ-B0OK9", 10);
        CloudEvent<LineEvent> provisioning = provisioned("B9-1", "BOOK-9", "B0OK9");
        CloudEvent<LineEvent> nanos = new CloudEvent<>(
                provisioning.id(),
                provisioning.source(),
                provisioning.type(),
                provisioning.subject(),
                Instant.parse("2026-12-05T01:21:23.759556680Z"),
                provisioning.data());

        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-9", json(nanos));

        await().atMost(TIMEOUT).until(() -> LedgerApi.key("BOOK-9").getLong("committed") == 1);
        JsonPath chain = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/{keyId}/journal/verify", "BOOK-9")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(chain.getBoolean("valid")).isTrue();
        assertThat(LedgerApi.device("B9-1").getString("provisionedAt")).isEqualTo("2026-12-05T01:21:23.759556Z");
    }

    @Test
    void balanceVersionsGrowPerKey() {
        LedgerApi.registerKey("BOOK-10", "BOOKA-GGGGG-HHHHH-JJJJJ-B0O10", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-10", json(provisioned("B10-1", "BOOK-10", "B0O10")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("BOOK-10").getLong("committed") == 1);
        // Dated a week before the provisioning, as a back-dated report would be.
        CloudEvent<LineEvent> activation = activation("B10-1", "BOOK-10", "B0O10", "success");
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "BOOK-10",
                json(new CloudEvent<>(
                        activation.id(),
                        activation.source(),
                        activation.type(),
                        activation.subject(),
                        activation.time().minus(Duration.ofDays(7)),
                        activation.data())));

        List<ConsumerRecord<String, String>> published = KafkaTestClient.readUntil(
                Topics.LEDGER_EVENTS,
                records -> records.stream()
                                .filter(record -> "BOOK-10".equals(record.key()))
                                .filter(record -> record.value().contains("balance-changed"))
                                .count()
                        == 3);
        assertThat(published)
                .filteredOn(record -> "BOOK-10".equals(record.key()))
                .filteredOn(record -> record.value().contains("balance-changed"))
                .extracting(record -> JsonPath.from(record.value()).getLong("data.version"))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void redeliveredEventIsBookedOnce() {
        LedgerApi.registerKey("BOOK-2", "BOOKA-DDDDD-EEEEE-FFFFF-B0OK2", 10);
        String provisioning = json(provisioned("B2-1", "BOOK-2", "B0OK2"));
        CloudEvent<LineEvent> success = activation("B2-1", "BOOK-2", "B0OK2", "success");

        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-2", provisioning, provisioning, json(success));
        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-2", json(success));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(LedgerApi.device("B2-1").getInt("activationAttempts")).isEqualTo(1);
            JsonPath key = LedgerApi.key("BOOK-2");
            assertThat(key.getLong("consumed")).isEqualTo(1);
            assertThat(key.getLong("committed")).isZero();
        });
    }

    @Test
    void unknownDeviceIsUnattributedAndPublished() {
        LedgerApi.registerKey("BOOK-3", "BOOKA-GGGGG-HHHHH-JJJJJ-B0OK3", 10);

        KafkaTestClient.produce(Topics.LINE_EVENTS, "B0OK3", json(activation("B3-404", null, "B0OK3", "success")));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonPath key = LedgerApi.key("BOOK-3");
            assertThat(key.getLong("consumed")).isEqualTo(1);
            assertThat(key.getLong("unattributed")).isEqualTo(1);
        });
        assertThat(LedgerApi.device("B3-404").getString("status")).isEqualTo("unattributed");
        List<ConsumerRecord<String, String>> published =
                KafkaTestClient.readUntil(Topics.LEDGER_EVENTS, records -> records.stream()
                        .anyMatch(record -> record.value().contains("\"B3-404\"")));
        assertThat(published)
                .filteredOn(record -> record.value().contains("keyline.ledger.activation-unattributed.v1"))
                .filteredOn(record -> record.value().contains("B3-404"))
                .hasSize(1)
                .allSatisfy(record -> assertThat(record.key()).isEqualTo("BOOK-3"));
    }

    @Test
    void truncatedRecordIsDeadLetteredBetweenBookedNeighbours() {
        LedgerApi.registerKey("BOOK-4", "BOOKA-KKKKK-LLLLL-MMMMM-B0OK4", 10);
        String before = json(provisioned("B4-1", "BOOK-4", "B0OK4"));
        String after = json(provisioned("B4-2", "BOOK-4", "B0OK4"));
        String truncated = before.substring(0, before.length() / 2);

        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-4", before, truncated, after);

        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(LedgerApi.key("BOOK-4").getLong("committed")).isEqualTo(2));
        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.readUntil(
                Topics.LINE_EVENTS_DLQ, records -> records.stream().anyMatch(record -> "BOOK-4".equals(record.key())));
        assertThat(deadLetters)
                .filteredOn(record -> "BOOK-4".equals(record.key()))
                .hasSize(1);
        ConsumerRecord<String, String> deadLetter = deadLetters.stream()
                .filter(record -> "BOOK-4".equals(record.key()))
                .findFirst()
                .orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(truncated);
        assertThat(header(deadLetter, "dead-letter-reason")).startsWith("not valid JSON at line 1");
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.LINE_EVENTS);
        assertThat(header(deadLetter, "dead-letter-consumer")).isEqualTo("ledger-service");
        assertThat(Long.parseLong(header(deadLetter, "dead-letter-offset"))).isNotNegative();
        assertThat(header(deadLetter, "dead-letter-partition")).matches("[0-9]+");

        // The meters count every test's batches, so only their presence and a lower bound are certain here.
        String metrics = given().get("/q/metrics").asString();
        assertThat(meter(metrics, "keyline_ledger_records_dead_lettered_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(meter(metrics, "keyline_ledger_events_booked_total")).isGreaterThanOrEqualTo(2.0);
        assertThat(meter(metrics, "keyline_ledger_batch_duration_seconds_count"))
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void implausibleTimesDeadLettered() {
        LedgerApi.registerKey("BOOK-5", "BOOKA-NNNNN-PPPPP-QQQQQ-B0OK5", 10);
        String before = json(provisioned("B5-1", "BOOK-5", "B0OK5"));
        String farFuture = json(at(Instant.parse("9999-12-31T00:00:00Z"), provisioned("B5-2", "BOOK-5", "B0OK5")));
        String unsetClock = json(at(Instant.parse("1999-12-31T23:59:59Z"), provisioned("B5-3", "BOOK-5", "B0OK5")));
        String after = json(provisioned("B5-4", "BOOK-5", "B0OK5"));

        KafkaTestClient.produce(Topics.LINE_EVENTS, "BOOK-5", before, farFuture, unsetClock, after);

        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(LedgerApi.key("BOOK-5").getLong("committed")).isEqualTo(2));
        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.readUntil(
                Topics.LINE_EVENTS_DLQ,
                records -> records.stream()
                                .filter(record -> "BOOK-5".equals(record.key()))
                                .count()
                        == 2);
        List<ConsumerRecord<String, String>> ours = deadLetters.stream()
                .filter(record -> "BOOK-5".equals(record.key()))
                .toList();
        assertThat(ours).extracting(ConsumerRecord::value).containsExactly(farFuture, unsetClock);
        assertThat(header(ours.get(0), "dead-letter-reason"))
                .startsWith("time 9999-12-31T00:00:00Z is more than a day after the consumer's clock (");
        assertThat(header(ours.get(1), "dead-letter-reason"))
                .isEqualTo("time 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z, so the producer's clock was"
                        + " not set; correct the time and produce the event again");
    }

    /** Returns the value of an unlabelled meter in the Prometheus text format. */
    private static double meter(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(name.length() + 1).strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("meter " + name + " missing from /q/metrics"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
