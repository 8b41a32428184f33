package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.postProvisioned;
import static dev.keyline.station.support.StationCalls.provisioned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.Topics;
import dev.keyline.station.support.Artifacts;
import dev.keyline.station.support.Fixtures;
import dev.keyline.station.support.KeyLeaks;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventLogArtifactTest {

    /** An 8198 activation event up to its data, which ends its first line. */
    private static final String EVENT_START =
            "<Event><System><Provider Name=\"Microsoft-Windows-Security-SPP\"/><EventID>8198</EventID>"
                    + "<TimeCreated SystemTime=\"2026-11-30T09:15:02Z\"/></System>\n";

    @Test
    void failureAndLicensedBooked() {
        String serial = newSerial("SN-EVT");
        postProvisioned(provisioned(serial, "KEY-A", "7QX4M", true)).then().statusCode(202);

        JsonPath result = Artifacts.post(
                        serial, "event-log", "application/xml", Fixtures.artifact("events-wevtutil.xml"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getInt("events")).isEqualTo(4);
        assertThat(result.getInt("ignored")).isEqualTo(1);
        assertThat(result.getList("evidence.kind")).containsExactly("failed", "attempted", "license-checked");
        assertThat(result.getString("evidence[1].note")).contains("a later licensing check found the device licensed");
        assertThat(result.getList("evidence[1].published")).isEmpty();

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> activations = TopicReader.eventsFor(Topics.LINE_EVENTS, serial).stream()
                .filter(event -> event.type().equals("keyline.activation.attempted.v1"))
                .toList();
        assertThat(activations)
                .extracting(event -> event.data().path("result").asText())
                .containsExactly("0xC004C003", "success");
        assertThat(activations.get(0).json().path("time").asText()).isEqualTo("2026-11-30T09:15:02.123456700Z");
        assertThat(activations).allSatisfy(event -> assertThat(event.key()).isEqualTo("KEY-A"));
    }

    @Test
    void repostedLogKeepsEventIds() {
        String serial = newSerial("SN-REPOST");
        postProvisioned(provisioned(serial, "KEY-A", "7QX4M", true)).then().statusCode(202);
        String log = Fixtures.artifact("events-wevtutil.xml");

        JsonPath first = Artifacts.post(serial, "event-log", "application/xml", log)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        JsonPath second = Artifacts.post(serial, "event-log", "application/xml", log)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        // The second post publishes no success and no license change, because the device is licensed already. It
        // publishes the failure again under the same id, which consumers drop as a repeat.
        List<String> firstIds = first.getList("evidence.published.flatten().eventId", String.class);
        List<String> secondIds = second.getList("evidence.published.flatten().eventId", String.class);
        assertThat(firstIds).hasSize(3);
        assertThat(secondIds).hasSize(2);
        assertThat(firstIds).containsAll(secondIds);
        TestDatabase.awaitOutboxDrained();
        List<String> activationIds = TopicReader.eventsFor(Topics.LINE_EVENTS, serial).stream()
                .filter(event -> event.type().equals("keyline.activation.attempted.v1"))
                .map(KeyedEvent::id)
                .toList();
        assertThat(activationIds).hasSize(3);
        assertThat(Set.copyOf(activationIds)).hasSize(2);
        assertThat(firstIds).containsAll(activationIds);
    }

    @Test
    void attemptAloneBooksNothing() {
        String serial = newSerial("SN-118");

        JsonPath result = Artifacts.post(
                        serial, "event-log", "application/xml", Fixtures.artifact("events-get-winevent.xml"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getList("evidence.kind")).containsExactly("attempted");
        assertThat(result.getString("evidence[0].note")).contains("no activation was booked");
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial)).isEmpty();
    }

    @Test
    void keysHiddenInMarkupExposedAndNotStored() throws Exception {
        String serial = newSerial("SN-EVT");
        String xml = EVENT_START + "<EventData><Data>TSTEV&#45;GGGGG-HHHHH-JJJJJ-6KL7M</Data>\n"
                + "<Data>TSTEV-GGGGG-HH<![CDATA[HHH]]>-JJJJJ-6KL7M</Data>\n"
                + "<Data>hr=0xC004C003</Data></EventData></Event>";

        JsonPath result = Artifacts.post(serial, "event-log", "application/xml", xml)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getList("exposures.location")).containsExactly("line 2", "line 3");
        assertThat(result.getList("exposures.maskedKey")).containsOnly("*****-*****-*****-*****-6KL7M");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content LIKE '[not stored: the event log contains 2 product keys written with%'"))
                .isEqualTo(1);
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .extracting(KeyedEvent::type)
                .containsExactlyInAnyOrder(
                        "keyline.activation.attempted.v1", "keyline.key.exposed.v1", "keyline.key.exposed.v1");
        KeyLeaks.assertNowhere("TSTEV-GGGGG-HHHHH-JJJJJ-6KL7M");
    }

    @Test
    void plainCopyDoesNotHideEncodedKey() throws Exception {
        String serial = newSerial("SN-EVT");
        String key = "TSTEW-GGGGG-HHHHH-JJJJJ-6KL8M";
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\" note=\"" + key + "\"?>\n"
                + EVENT_START
                + "<EventData><Data>TSTEW&#45;GGGGG&#45;HHHHH&#45;JJJJJ&#45;6KL8M</Data>\n"
                + "<Data>TSTEW-GGGGG<!-- -->-HHHHH-JJJJJ-6KL8M</Data>\n"
                + "<!-- TSTEW&#45;GGGGG&#45;HHHHH&#45;JJJJJ&#45;6KL8M -->\n"
                + "<Data>hr=0xC004C003</Data></EventData></Event>";

        JsonPath result = Artifacts.post(serial, "event-log", "application/xml", xml)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getList("exposures.location")).containsExactly("line 1", "line 3", "line 4", "line 5");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content LIKE '[not stored: the event log contains 3 product keys written with%'"))
                .isEqualTo(1);
        KeyLeaks.assertNowhere(key);
    }

    @Test
    void doctypeRejected() {
        String xml = "<!DOCTYPE Event [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><Event><System>"
                + "<EventID>&x;</EventID></System></Event>";

        JsonPath problem = Artifacts.post(newSerial("SN-XXE"), "event-log", "application/xml", xml)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("type")).endsWith("/unsafe-xml");
        assertThat(problem.getString("detail")).contains("DOCTYPE").contains("XXE");
    }

    @Test
    void xmlWithoutEventsRejected() {
        for (String xml : new String[] {"<Events></Events>", "<unattend><settings pass=\"specialize\"/></unattend>"}) {
            JsonPath problem = Artifacts.post(newSerial("SN-NONE"), "event-log", "application/xml", xml)
                    .then()
                    .statusCode(400)
                    .extract()
                    .jsonPath();

            assertThat(problem.getString("type")).endsWith("/unreadable-artifact");
            assertThat(problem.getString("detail")).contains("no Event element");
        }
    }
}
