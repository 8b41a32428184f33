package dev.keyline.station.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.schemas.Topics;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Reports accepted while Kafka is down wait in the outbox and are published once, each, when it is back. */
@QuarkusTest
@TestProfile(KafkaOutageProfile.class)
class KafkaOutageTest {

    private static final int BATCHES = 10;
    private static final int BATCH_SIZE = 100;
    private static final int REPORTS = BATCHES * BATCH_SIZE;

    @Test
    void outageLosesNoReport() throws Exception {
        StandaloneKafkaResource.kafka().stop();

        Set<String> acceptedIds = new HashSet<>();
        for (int batch = 0; batch < BATCHES; batch++) {
            JsonPath accepted = given().auth()
                    .oauth2(Tokens.IMAGING_STATION)
                    .contentType(ContentType.JSON)
                    .body(ReportBatches.provisioned("SN-OUT", batch, BATCH_SIZE))
                    .post("/api/v1/reports/bulk")
                    .then()
                    .statusCode(202)
                    .extract()
                    .jsonPath();
            acceptedIds.addAll(accepted.getList("results.report.eventId", String.class));
        }
        assertThat(acceptedIds.size()).isEqualTo(REPORTS);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL"))
                .as("rows waiting while Kafka is down")
                .isEqualTo(REPORTS);

        StandaloneKafkaResource.kafka().start();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> TestDatabase.queryLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);

        List<ConsumerRecord<String, String>> records =
                TopicReader.readAll(StandaloneKafkaResource.kafka().bootstrapServers(), Topics.LINE_EVENTS);
        Set<String> publishedIds = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            publishedIds.add(new String(record.headers().lastHeader("ce_id").value()));
        }
        assertThat(records.size()).as("records on " + Topics.LINE_EVENTS).isEqualTo(REPORTS);
        assertThat(publishedIds.size()).as("distinct event ids").isEqualTo(REPORTS);
        assertThat(publishedIds.equals(acceptedIds))
                .as("published ids are the accepted ids")
                .isTrue();
    }
}
