package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.getDevice;
import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.postProvisioned;
import static dev.keyline.station.support.StationCalls.postStep;
import static dev.keyline.station.support.StationCalls.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.station.support.Artifacts;
import dev.keyline.station.support.Fixtures;
import dev.keyline.station.support.KeyLeaks;
import dev.keyline.station.support.LedgerEvents;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Answer files with our registered key, a generic key and an unknown key, alone and on a device's image. */
@QuarkusTest
class AnswerFileScenarioTest {

    static final String OUR_KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    static final String UNKNOWN_KEY = "TSTQQ-RRRRR-SSSSS-TTTTT-9ZW3K";
    static final String GENERIC_KEY = "NPPR9-FWDCX-D2C8J-H872K-2YT43";
    private static final String PANTHER = "C:\\Windows\\Panther\\unattend.xml";
    private static final String CLEAN = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings"
            + " pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\"><ComputerName>*</ComputerName>"
            + "</component></settings></unattend>";

    @BeforeAll
    static void registerOurKey() throws Exception {
        String fingerprint = new KeyFingerprinter("keyline-development-fingerprint-secret").fingerprint(OUR_KEY);
        String eventId = LedgerEvents.publishBalance(
                new BalanceChanged("KEY-A", "7QX4M", 100, 0, 0, 100, "cause-1", "active", 0L, fingerprint),
                Instant.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        TestDatabase.queryLong("SELECT count(*) FROM key_balances WHERE event_id = '" + eventId + "'")
                                == 1);
    }

    @Test
    void threeFindingsClassified() throws Exception {
        Response response = Artifacts.postAnswerFileCheck(PANTHER, Fixtures.artifact("unattend-three-keys.xml"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonPath result = response.jsonPath();
        assertThat(result.getString("path")).isEqualTo(PANTHER);
        assertThat(result.getList("findings.severity")).containsExactly("info", "warning", "critical");
        assertThat(result.getList("findings.classification")).containsExactly("generic", "unknown", "registered");
        assertThat(result.getList("findings.maskedKey"))
                .containsExactly(
                        "*****-*****-*****-*****-2YT43",
                        "*****-*****-*****-*****-9ZW3K",
                        "*****-*****-*****-*****-7QX4M");
        assertThat(result.getString("findings[2].keyId")).isEqualTo("KEY-A");
        assertThat(result.getString("findings[2].component")).isEqualTo("Microsoft-Windows-Shell-Setup");
        assertThat(result.getString("findings[2].pass")).isEqualTo("specialize");
        assertThat(result.getString("findings[0].location")).endsWith("/UserData/ProductKey/Key");
        assertThat(result.getString("findings[1].location")).endsWith("/comment()");
        KeyLeaks.assertNotIn(response.asString(), "the response", OUR_KEY, UNKNOWN_KEY, GENERIC_KEY);

        TestDatabase.awaitOutboxDrained();
        List<String> exposureIds = result.getList("findings.exposureEventId", String.class);
        List<KeyedEvent> exposures = TopicReader.events(Topics.LINE_EVENTS).stream()
                .filter(event -> exposureIds.contains(event.id()))
                .toList();
        assertThat(exposures).hasSize(3);
        assertThat(exposures).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo("keyline.key.exposed.v1");
            assertThat(event.data().path("report").asText()).isEqualTo("answer-file");
            assertThat(event.data().path("location").asText()).startsWith("/unattend/settings");
        });
        KeyLeaks.assertNowhere(OUR_KEY, UNKNOWN_KEY, GENERIC_KEY);
    }

    @Test
    void leakyImageCannotShipUntilFixed() throws Exception {
        String serial = newSerial("SN-IMG");
        postProvisioned(provisioned(serial, "KEY-A", "7QX4M", false)).then().statusCode(202);
        String ourKeyOnly = Fixtures.artifact("unattend-three-keys.xml")
                .replace("<Key>" + GENERIC_KEY + "</Key>", "<Key></Key>")
                .replace("<!-- spare key for line 2: " + UNKNOWN_KEY + " -->", "");

        JsonPath check = Artifacts.postAnswerFile(serial, PANTHER, ourKeyOnly)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();

        assertThat(check.getList("findings.severity")).containsExactly("critical");
        assertThat(check.getList("deviceFindings")).hasSize(2);
        assertThat(check.getString("deviceFindings[0].problem")).contains("still in the registry");
        assertThat(check.getString("deviceFindings[0].fix")).isEqualTo("run slmgr /cpky, then report key-cleared");
        assertThat(check.getString("deviceFindings[1].source")).isEqualTo(PANTHER);
        assertThat(check.getString("deviceFindings[1].maskedKey")).isEqualTo("*****-*****-*****-*****-7QX4M");

        JsonPath refused =
                postStep(serial, "shipped").then().statusCode(409).extract().jsonPath();
        assertThat(refused.getList("errors.message", String.class))
                .anySatisfy(message -> assertThat(message).contains("still in the registry"))
                .anySatisfy(message -> assertThat(message).contains(PANTHER + " contains the product key"));

        postStep(serial, "key-cleared").then().statusCode(202);
        JsonPath otherFile = Artifacts.postAnswerFile(serial, "C:\\Windows\\System32\\Sysprep\\unattend.xml", CLEAN)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertThat(otherFile.getList("deviceFindings.source")).containsExactly(PANTHER);
        // Windows reads the path without regard to case and '/' as '\', so this is the file the key was in.
        JsonPath sameFile = Artifacts.postAnswerFile(serial, "c:/windows/panther/Unattend.xml", CLEAN)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertThat(sameFile.getList("deviceFindings")).isEmpty();
        postStep(serial, "generalized").then().statusCode(202);
        postStep(serial, "qa-passed").then().statusCode(202);
        JsonPath device = getDevice(serial).jsonPath();
        assertThat(device.getList("findings")).isEmpty();
        assertThat(device.getList("shipBlockers")).isEmpty();

        postStep(serial, "shipped").then().statusCode(202);
        KeyLeaks.assertNowhere(OUR_KEY);
    }

    @Test
    void xxeRejected() {
        JsonPath problem = Artifacts.postAnswerFileCheck(PANTHER, Fixtures.artifact("unattend-xxe.xml"))
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("type")).isEqualTo("https://keyline.dev/problems/unsafe-xml");
        assertThat(problem.getString("detail")).contains("DOCTYPE").contains("XXE");
    }

    @Test
    void checkWithoutPathRejected() {
        JsonPath problem = Artifacts.postAnswerFileCheck("", CLEAN)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("path");
    }

    @Test
    void pathWithControlCharacterRejected() {
        for (String path : new String[] {"unattend.xml\n2026-12-05 INFO forged line", "unattend\u202E.xml"}) {
            JsonPath problem = Artifacts.postAnswerFileCheck(path, CLEAN)
                    .then()
                    .statusCode(400)
                    .extract()
                    .jsonPath();

            assertThat(problem.getString("errors[0].field")).isEqualTo("path");
            assertThat(problem.getString("errors[0].message"))
                    .isEqualTo("contains a control or format character, such as a line break");
        }
    }

    @Test
    void encodedKeyFoundButFileNotStored() throws Exception {
        assertStoredAsNote("SN-ENC", "&#84;STQQ-RRRRR-SSSSS-TTTTT-9ZW3K");
    }

    @Test
    void lineBreakSplitKeyNotStored() throws Exception {
        assertStoredAsNote("SN-NL", "TSTQQ-RRRRR-SS\n          SSS-TTTTT-9ZW3K");
    }

    @Test
    void keyWrappedAtDashMaskedInPlace() throws Exception {
        // Masking joins a key wrapped at a dash only when it has the letters and digits of real keys.
        String serial = postProductKey("SN-WRAP", "KTPRQ-RRRRR-\n    HHHHH-TTTTT-9WX3K", "9WX3K");

        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content LIKE '%<ProductKey>*****-*****-*****-*****-9WX3K</ProductKey>%'"))
                .isEqualTo(1);
        KeyLeaks.assertNowhere("KTPRQ-RRRRR-HHHHH-TTTTT-9WX3K", "TPRQ-RRRRR-HHHHH-TTTTT-9WX3K");
    }

    @Test
    void spacedKeyInProductKeyNotStored() throws Exception {
        assertStoredAsNote("SN-SPACE", "TSTQQ RRRRR SSSSS TTTTT 9ZW3K");
    }

    @Test
    void plainCopyDoesNotHideEncodedKey() throws Exception {
        assertPlainCopyHidesNothing("SN-DECOY", "&#84;STQQ-RRRRR-SSSSS-TTTTT-9ZW3K", "STQQ-RRRRR-SSSSS-TTTTT-9ZW3K");
    }

    @Test
    void plainCopyDoesNotHideSpacedKey() throws Exception {
        // Masking covers the comment's dashed copy but not the spaced one that Windows reads from ProductKey.
        assertPlainCopyHidesNothing("SN-SPACED", "TSTQQ RRRRR SSSSS TTTTT 9ZW3K", "TSTQQ RRRRR SSSSS TTTTT 9ZW3K");
    }

    @Test
    void referenceEncodedCommentKeyNotStored() throws Exception {
        assertStoredAsNote("SN-REF", "<!-- TSTQQ&#45;RRRRR&#45;SSSSS&#45;TTTTT&#45;9ZW3K -->");
    }

    /**
     * Posts an answer file with {@link #UNKNOWN_KEY} plainly in a comment and as {@code productKey} in its {@code
     * ProductKey}, and checks that both are found and the file is stored as a note, with {@code leaked} nowhere.
     */
    private static void assertPlainCopyHidesNothing(String serialPrefix, String productKey, String leaked)
            throws Exception {
        String serial = newSerial(serialPrefix);
        String xml = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><!-- " + UNKNOWN_KEY + " -->"
                + "<settings pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\"><ProductKey>"
                + productKey + "</ProductKey></component></settings></unattend>";

        Response response = Artifacts.postAnswerFile(serial, PANTHER, xml);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("findings.placement")).containsExactly("comment", "element");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content LIKE '[not stored: the answer file contains 1 product key written with%'"))
                .isEqualTo(1);
        KeyLeaks.assertNowhere(UNKNOWN_KEY, leaked);
    }

    /**
     * Posts an answer file whose {@code ProductKey} hides {@link #UNKNOWN_KEY} as {@code content}, and checks that the
     * key is found and the file stored as a note, with neither the key nor its first half stored anywhere.
     */
    private static void assertStoredAsNote(String serialPrefix, String content) throws Exception {
        String serial = postProductKey(serialPrefix, content, "9ZW3K");

        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content LIKE '[not stored: the answer file contains 1 product key written with%'"))
                .isEqualTo(1);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE content LIKE '%TSTQQ-RRRRR-%'"))
                .isEqualTo(0);
        KeyLeaks.assertNowhere(UNKNOWN_KEY, "STQQ-RRRRR-SSSSS-TTTTT-9ZW3K");
    }

    /**
     * Posts an answer file with {@code content} in its {@code ProductKey} for a new device, checks that it was read
     * with one finding of the key ending in {@code partialKey}, and returns the device's serial.
     */
    private static String postProductKey(String serialPrefix, String content, String partialKey) {
        String serial = newSerial(serialPrefix);
        String xml = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"specialize\">"
                + "<component name=\"Microsoft-Windows-Shell-Setup\"><ProductKey>" + content
                + "</ProductKey></component></settings></unattend>";

        Response response = Artifacts.postAnswerFile(serial, PANTHER, xml);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("findings.maskedKey"))
                .containsExactly("*****-*****-*****-*****-" + partialKey);
        return serial;
    }
}
