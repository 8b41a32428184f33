package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.getDevice;
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
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlmgrArtifactTest {

    private static final String LICENSED = "Name: Windows(R), IoTEnterprise edition\r\n"
            + "Description: Windows(R) Operating System, OEM_DM channel\r\n"
            + "Partial Product Key: 7QX4M\r\nLicense Status: Licensed\r\n";

    @Test
    void licensedBooksSuccessOnce() {
        String serial = newSerial("SN-LIC");
        postProvisioned(provisioned(serial, "KEY-A", "7QX4M", true)).then().statusCode(202);

        JsonPath first = Artifacts.post(serial, "slmgr", "text/plain", LICENSED)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        JsonPath second = Artifacts.post(serial, "slmgr", "text/plain", LICENSED)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(first.getList("events.type"))
                .containsExactly("keyline.device.license-reported.v1", "keyline.activation.attempted.v1");
        assertThat(second.getList("events.type")).containsExactly("keyline.device.license-reported.v1");
        JsonPath device = getDevice(serial).jsonPath();
        assertThat(device.getString("license.status")).isEqualTo("licensed");
        assertThat(device.getString("license.productKeyChannel")).isEqualTo("OEM:DM");
        assertThat(device.getString("license.partialKey")).isEqualTo("7QX4M");

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> activations = TopicReader.eventsFor(Topics.LINE_EVENTS, serial).stream()
                .filter(event -> event.type().equals("keyline.activation.attempted.v1"))
                .toList();
        assertThat(activations).hasSize(1);
        assertThat(activations.get(0).id()).isEqualTo(first.getString("events[1].eventId"));
        assertThat(activations.get(0).data().path("result").asText()).isEqualTo("success");
        assertThat(activations.get(0).data().path("keyId").asText()).isEqualTo("KEY-A");
        assertThat(activations.get(0).data().path("channel").asText()).isEqualTo("internet");
        assertThat(activations.get(0).key()).isEqualTo("KEY-A");
    }

    @Test
    void cutOffStatusKeepsLicensedState() {
        // A status cut off inside the word is no reading of the license, so the next whole output books no second
        // success.
        String serial = newSerial("SN-CUT");
        postProvisioned(provisioned(serial, "KEY-A", "7QX4M", true)).then().statusCode(202);
        Artifacts.post(serial, "slmgr", "text/plain", LICENSED).then().statusCode(202);

        JsonPath cut = Artifacts.post(serial, "slmgr", "text/plain", LICENSED.replace("Licensed\r\n", "Licen"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        JsonPath again = Artifacts.post(serial, "slmgr", "text/plain", LICENSED)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(cut.getList("events")).isEmpty();
        assertThat(cut.getList("problems", String.class))
                .singleElement()
                .asString()
                .contains("'Licen'");
        assertThat(again.getList("events.type")).containsExactly("keyline.device.license-reported.v1");
        assertThat(getDevice(serial).jsonPath().getString("license.status")).isEqualTo("licensed");
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial).stream()
                        .filter(event -> event.type().equals("keyline.activation.attempted.v1"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void addOnNotTakenForWindows() {
        String serial = newSerial("SN-ESU");
        postProvisioned(provisioned(serial, "KEY-A", "7QX4M", true)).then().statusCode(202);
        String dlv = "Name: Windows(R), Client-ESU-Year1 add-on for Windows 10\r\n"
                + "Description: Windows(R) Operating System, VOLUME_MAK channel\r\n"
                + "Partial Product Key: 9GCHT\r\nLicense Status: Licensed\r\n\r\n"
                + LICENSED.replace("Licensed\r\n", "Notification\r\nNotification Reason: 0xC004F009.\r\n");

        JsonPath result = Artifacts.post(serial, "slmgr", "text/plain", dlv)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getList("events.type")).containsExactly("keyline.device.license-reported.v1");
        assertThat(result.getString("events[0].detail")).isEqualTo("license notification");
        JsonPath device = getDevice(serial).jsonPath();
        assertThat(device.getString("license.status")).isEqualTo("notification");
        assertThat(device.getString("license.partialKey")).isEqualTo("7QX4M");
    }

    @Test
    void germanNotificationReported() {
        String serial = newSerial("SN-DE");

        JsonPath result = Artifacts.post(serial, "slmgr", "text/plain", Fixtures.artifact("slmgr-dli-german.txt"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getString("format")).isEqualTo("slmgr");
        assertThat(result.getString("blocks[0].status")).isEqualTo("NOTIFICATION");
        assertThat(result.getString("blocks[0].notificationReason")).isEqualTo("0xC004F009");
        assertThat(result.getList("events.type")).containsExactly("keyline.device.license-reported.v1");
        JsonPath device = getDevice(serial).jsonPath();
        assertThat(device.getString("license.status")).isEqualTo("notification");
        assertThat(device.getString("license.notificationReason")).isEqualTo("0xC004F009");
    }

    @Test
    void unknownLabelsInResponse() {
        JsonPath result = Artifacts.post(
                        newSerial("SN-UNK"), "slmgr", "text/plain", Fixtures.artifact("slmgr-unknown-labels.txt"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getList("unknownLabels")).containsExactly("Flux Capacitor Setting");
        assertThat(result.getString("blocks[0].status")).isEqualTo("UNLICENSED");
    }

    @Test
    void jsonLayoutAccepted() {
        Response response =
                Artifacts.post(newSerial("SN-JSON"), "slmgr", "application/json", Fixtures.artifact("wmi.json"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getString("format")).isEqualTo("json");
        assertThat(response.jsonPath().getString("blocks[0].notificationReason"))
                .isEqualTo("0x4004F401");
    }

    @Test
    void keyInOutputMaskedAndExposed() {
        String serial = newSerial("SN-SLK");
        String text = "C:\\> cscript slmgr.vbs /ipk TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\r\n" + LICENSED;

        JsonPath result = Artifacts.post(serial, "slmgr", "text/plain", text)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(result.getList("exposures")).hasSize(1);
        assertThat(result.getString("exposures[0].location")).isEqualTo("line 1");
        assertThat(result.getString("exposures[0].maskedKey")).isEqualTo("*****-*****-*****-*****-7QX4M");
        assertThat(result.getList("unknownLabels")).containsExactly("C");
    }

    @Test
    void keyInPartialKeyFieldMasked() throws Exception {
        // Free text in these spellings is not read as a key, but the partial product key field contains nothing else.
        String text = "Name: Windows(R), IoTEnterprise edition\r\n"
                + "Partial Product Key: ktprbcccccdddddfffff7qx4m\r\nLicense Status: Licensed\r\n";
        String wmi = "Name=Windows(R), IoTEnterprise edition\r\nPartialProductKey=KTPRB CCCCC DDDDD FFFFF 7QX4M\r\n"
                + "LicenseStatus=1\r\n";

        String spacedWmi = wmi.replace(
                "PartialProductKey=KTPRB CCCCC DDDDD FFFFF 7QX4M", "PartialProductKey = ktprbcccccdddddfffff7qx4m");
        for (String output : List.of(text, wmi, spacedWmi)) {
            JsonPath result = Artifacts.post(newSerial("SN-PPK"), "slmgr", "text/plain", output)
                    .then()
                    .statusCode(202)
                    .extract()
                    .jsonPath();

            assertThat(result.getList("exposures")).hasSize(1);
            assertThat(result.getString("exposures[0].location")).isEqualTo("line 2");
            assertThat(result.getString("exposures[0].maskedKey")).isEqualTo("*****-*****-*****-*****-7QX4M");
            assertThat(result.getString("blocks[0].partialKey")).isEqualTo("7QX4M");
            assertThat(result.getList("problems")).isEmpty();
        }
        String json = "[{\"Name\": \"Windows(R), IoTEnterprise edition\","
                + " \"PartialProductKey\": \"KTPRB\\tCCCCC\\tDDDDD\\tFFFFF\\t7qx4m\", \"LicenseStatus\": 1}]";
        JsonPath fromJson = Artifacts.post(newSerial("SN-PPK"), "slmgr", "application/json", json)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(fromJson.getList("exposures")).hasSize(1);
        assertThat(fromJson.getString("exposures[0].maskedKey")).isEqualTo("*****-*****-*****-*****-7QX4M");
        assertThat(fromJson.getString("blocks[0].partialKey")).isEqualTo("7QX4M");
        KeyLeaks.assertNowhere(
                "ktprbcccccdddddfffff7qx4m",
                "KTPRB CCCCC DDDDD",
                "FFFFF 7qx4m",
                "KTPRB\tCCCCC",
                "KTPRB\\tCCCCC",
                "KTPRB-CCCCC-DDDDD-FFFFF-7QX4M");
    }

    @Test
    void escapedKeyInJsonMaskedAndExposed() {
        String serial = newSerial("SN-ESC");
        String dash = "\\u002d";
        String key = String.join(dash, "TSTAA", "BBBBB", "CCCCC", "DDDDD", "7QX4M");
        String json = "[{\"Name\": \"Windows(R), IoTEnterprise edition\", \"Description\": \"OEM_DM channel " + key
                + "\", \"PartialProductKey\": \"7QX4M\", \"LicenseStatus\": 1, \"Foo" + dash + key + "\": 1}]";

        Response response = Artifacts.post(serial, "slmgr", "application/json", json);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.asString()).doesNotContain("TSTAA-BBBBB").doesNotContain("TSTAA" + dash);
        assertThat(response.jsonPath().getList("exposures")).hasSize(2);
        assertThat(response.jsonPath().getString("blocks[0].description"))
                .isEqualTo("OEM_DM channel *****-*****-*****-*****-7QX4M");
        assertThat(response.jsonPath().getList("unknownLabels")).containsExactly("Foo-*****-*****-*****-*****-7QX4M");
    }

    @Test
    void escapedKeyBeforeTrailingTextExposed() throws Exception {
        String key = String.join("\\u002d", "KTPRB", "CCCCC", "DDDDD", "FFFFF", "7QX4M");
        String json = "{\"Name\":\"Win " + key + "\",\"PartialProductKey\":\"7QX4M\",\"LicenseStatus\":1}\n}";

        Response response = Artifacts.post(newSerial("SN-TRAIL"), "slmgr", "application/json", json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("detail"))
                .contains("not valid JSON")
                .contains("exposure event");
        KeyLeaks.assertNotIn(response.asString(), "the response", "KTPRB-CCCCC-DDDDD-FFFFF-7QX4M");
        KeyLeaks.assertNowhere("KTPRB-CCCCC-DDDDD-FFFFF-7QX4M");
    }

    @Test
    void duplicateMemberRejectedWithExposure() throws Exception {
        String json = "{\"Name\":\"W\",\"Description\":\"KTPRB-CCCCC-DDDDD-FFFFF-7QX4M\",\"Description\":\"x\","
                + "\"LicenseStatus\":1}";

        Response response = Artifacts.post(newSerial("SN-DUP"), "slmgr", "application/json", json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("detail"))
                .contains("Duplicate field")
                .contains("exposure event");
        KeyLeaks.assertNowhere("KTPRB-CCCCC-DDDDD-FFFFF-7QX4M");
    }

    @Test
    void keyThatWritingJsonEscapesExposed() throws Exception {
        String serial = newSerial("SN-BSL");
        String json = "[{\"Name\": \"KTPRB\\\\CCCCC\\\\DDDDD\\\\FFFFF\\\\7QX4M\", \"PartialProductKey\": \"9ZZ9Z\","
                + " \"LicenseStatus\": 1, \"KTPRB-\\nCCCCC-\\nDDDDD-FFFFF-7QX4M\": 1}]";

        Response response = Artifacts.post(serial, "slmgr", "application/json", json);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("exposures")).hasSize(2);
        assertThat(response.jsonPath().getString("blocks[0].name")).isEqualTo("*****-*****-*****-*****-7QX4M");
        assertThat(response.jsonPath().getList("unknownLabels")).containsExactly("*****-*****-*****-*****-7QX4M");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content LIKE '[not stored: the slmgr output contains 2 product keys written with%'"))
                .isEqualTo(1);
        KeyLeaks.assertNowhere("KTPRB-CCCCC-DDDDD-FFFFF-7QX4M", "KTPRB\\CCCCC", "KTPRB\\\\CCCCC");
    }

    @Test
    void garbageRejected() {
        JsonPath problem = Artifacts.post(newSerial("SN-BAD"), "slmgr", "text/plain", "hello\nworld\n")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("type")).endsWith("/unreadable-artifact");
        assertThat(problem.getString("detail")).contains("'Name:'");
    }

    @Test
    void emptyJsonListRejectedWithReason() {
        JsonPath problem = Artifacts.post(newSerial("SN-EMPTY"), "slmgr", "application/json", "[]")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("detail"))
                .isEqualTo("no license could be read from the json output: it lists no license.");
    }

    @Test
    void badChannelRejected() {
        JsonPath problem = Artifacts.post(newSerial("SN-CH"), "slmgr?channel=fax", "text/plain", LICENSED)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("channel");
    }
}
