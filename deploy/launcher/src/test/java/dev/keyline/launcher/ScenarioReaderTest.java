package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";

    @Test
    void parsesKeysAndReports() {
        Scenario scenario = ScenarioReader.parse(
                List.of(
                        "{\"kind\":\"register-key\",\"keyId\":\"KEY-A\",\"productKey\":\"" + KEY
                                + "\",\"allotment\":150}",
                        "",
                        "{\"kind\":\"device-provisioned\",\"report\":{\"serial\":\"S-1\",\"lineId\":\"line-1\","
                                + "\"stationId\":\"imaging-01\",\"keyId\":\"KEY-A\"}}",
                        "{\"kind\":\"activation-attempted\",\"report\":{\"serial\":\"S-1\",\"lineId\":\"line-1\","
                                + "\"stationId\":\"activation-01\",\"result\":\"success\"}}"),
                "test.jsonl");

        assertThat(scenario.steps()).hasSize(3);
        ScenarioStep.RegisterKey key =
                (ScenarioStep.RegisterKey) scenario.steps().get(0);
        assertThat(key.keyId()).isEqualTo("KEY-A");
        assertThat(key.productKey()).isEqualTo(KEY);
        assertThat(key.allotment()).isEqualTo(150);
        assertThat(key.lineNumber()).isEqualTo(1);

        ScenarioStep.StationReport activation =
                (ScenarioStep.StationReport) scenario.steps().get(2);
        assertThat(activation.kind()).isEqualTo(ReportKind.ACTIVATION_ATTEMPTED);
        assertThat(activation.principal()).isEqualTo("line-1/activation-01");
        assertThat(activation.lineNumber()).isEqualTo(4);
        assertThat(activation.body().get("serial").asText()).isEqualTo("S-1");

        assertThat(scenario.stationPrincipals()).containsExactly("line-1/activation-01", "line-1/imaging-01");
        assertThat(scenario.reportCount()).isEqualTo(2);
    }

    @Test
    void parsesStepWithSerialInPath() {
        Scenario scenario = ScenarioReader.parse(
                List.of("{\"kind\":\"step\",\"serial\":\"S-1\",\"report\":{\"step\":\"shipped\","
                        + "\"lineId\":\"line-1\",\"stationId\":\"qa-01\"}}"),
                "test.jsonl");

        ScenarioStep.StationReport step =
                (ScenarioStep.StationReport) scenario.steps().get(0);
        assertThat(step.kind()).isEqualTo(ReportKind.DEVICE_STEP);
        assertThat(step.principal()).isEqualTo("line-1/qa-01");
        assertThat(step.path()).isEqualTo("/api/v1/devices/S-1/steps");
        assertThat(step.body().get("step").asText()).isEqualTo("shipped");
        assertThat(scenario.reportCount()).isEqualTo(1);
    }

    @Test
    void reportPathHasNoSerial() {
        Scenario scenario = ScenarioReader.parse(
                List.of("{\"kind\":\"activation-attempted\",\"report\":{\"serial\":\"S-1\","
                        + "\"lineId\":\"line-1\",\"stationId\":\"activation-01\"}}"),
                "test.jsonl");

        ScenarioStep.StationReport report =
                (ScenarioStep.StationReport) scenario.steps().get(0);
        assertThat(report.path()).isEqualTo("/api/v1/reports/activation-attempted");
    }

    @Test
    void parsesArtifacts() {
        Scenario scenario = ScenarioReader.parse(
                List.of(
                        "{\"kind\":\"slmgr-output\",\"serial\":\"S-1\",\"lineId\":\"line-1\","
                                + "\"stationId\":\"activation-01\",\"channel\":\"phone\","
                                + "\"text\":\"Name: W\\r\\nLicense Status: Licensed\\r\\n\"}",
                        "{\"kind\":\"answer-file\",\"serial\":\"S-1\",\"lineId\":\"line-1\","
                                + "\"stationId\":\"imaging-01\",\"path\":\"C:\\\\Windows\\\\Panther\\\\u.xml\","
                                + "\"xml\":\"<unattend/>\"}",
                        "{\"kind\":\"answer-file-check\",\"lineId\":\"line-1\",\"stationId\":\"qa-01\","
                                + "\"path\":\"unattend.xml\",\"xml\":\"<unattend/>\"}",
                        "{\"kind\":\"event-log\",\"serial\":\"S-1\",\"lineId\":\"line-1\","
                                + "\"stationId\":\"activation-01\",\"xml\":\"<Event/>\"}",
                        "{\"kind\":\"station-log\",\"serial\":\"S-1\",\"lineId\":\"line-1\","
                                + "\"stationId\":\"imaging-01\",\"text\":\"dism done\"}"),
                "test.jsonl");

        assertThat(scenario.steps())
                .map(ScenarioStep.StationArtifact.class::cast)
                .extracting(
                        ScenarioStep.StationArtifact::kind,
                        ScenarioStep.StationArtifact::principal,
                        ScenarioStep.StationArtifact::serial,
                        ScenarioStep.StationArtifact::target,
                        ScenarioStep.StationArtifact::content)
                .containsExactly(
                        tuple(
                                ArtifactKind.SLMGR_OUTPUT,
                                "line-1/activation-01",
                                "S-1",
                                "/api/v1/devices/S-1/artifacts/slmgr?channel=phone",
                                "Name: W\r\nLicense Status: Licensed\r\n"),
                        tuple(
                                ArtifactKind.ANSWER_FILE,
                                "line-1/imaging-01",
                                "S-1",
                                "/api/v1/devices/S-1/artifacts/answer-file?path=C%3A%5CWindows%5CPanther%5Cu.xml",
                                "<unattend/>"),
                        tuple(
                                ArtifactKind.ANSWER_FILE_CHECK,
                                "line-1/qa-01",
                                null,
                                "/api/v1/answer-file-checks?path=unattend.xml",
                                "<unattend/>"),
                        tuple(
                                ArtifactKind.EVENT_LOG,
                                "line-1/activation-01",
                                "S-1",
                                "/api/v1/devices/S-1/artifacts/event-log",
                                "<Event/>"),
                        tuple(
                                ArtifactKind.STATION_LOG,
                                "line-1/imaging-01",
                                "S-1",
                                "/api/v1/devices/S-1/artifacts/log",
                                "dism done"));
        assertThat(scenario.artifactCount()).isEqualTo(5);
        assertThat(scenario.reportCount()).isZero();
        assertThat(scenario.stationPrincipals())
                .containsExactly("line-1/activation-01", "line-1/imaging-01", "line-1/qa-01");
    }

    @Test
    void invalidArtifactsAreRejected() {
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"slmgr-output\",\"lineId\":\"l\",\"stationId\":\"s\"," + "\"text\":\"x\"}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("missing text field \"serial\"");
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"event-log\",\"serial\":\"a/b\",\"lineId\":\"l\","
                                + "\"stationId\":\"s\",\"xml\":\"<Event/>\"}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("\"serial\" is 'a/b'");
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"answer-file\",\"serial\":\"S\",\"lineId\":\"l\","
                                + "\"stationId\":\"s\",\"text\":\"<unattend/>\"}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("missing text field \"xml\"");
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"answer-file-check\",\"lineId\":\"l\",\"stationId\":\"s\","
                                + "\"xml\":\"<unattend/>\"}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("missing text field \"path\"");
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"step\",\"report\":{\"step\":\"shipped\",\"lineId\":\"l\","
                                + "\"stationId\":\"s\"}}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("missing text field \"serial\"");
    }

    @Test
    void artifactToStringLeavesOutContent() {
        Scenario scenario = ScenarioReader.parse(
                List.of("{\"kind\":\"station-log\",\"serial\":\"S-1\",\"lineId\":\"l\","
                        + "\"stationId\":\"s\",\"text\":\"slmgr /ipk " + KEY + "\"}"),
                "test.jsonl");

        assertThat(scenario.steps().get(0).toString())
                .isEqualTo("StationArtifact[line 1, station-log for S-1 from l/s]")
                .doesNotContain(KEY);
    }

    @Test
    void toStringLeavesOutKeyAndBody() {
        Scenario scenario = ScenarioReader.parse(
                List.of(
                        "{\"kind\":\"register-key\",\"keyId\":\"KEY-A\",\"productKey\":\"" + KEY
                                + "\",\"allotment\":1}",
                        "{\"kind\":\"device-provisioned\",\"report\":{\"lineId\":\"l\",\"stationId\":\"s\","
                                + "\"notes\":\"" + KEY + "\"}}"),
                "test.jsonl");

        assertThat(scenario.steps())
                .allSatisfy(step -> assertThat(step.toString()).doesNotContain(KEY));
    }

    @Test
    void errorsNameFileAndLine() {
        assertThatThrownBy(() -> ScenarioReader.parse(List.of("{\"kind\":\"register-key\"}"), "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("a.jsonl line 1")
                .hasMessageContaining("\"keyId\"");
        assertThatThrownBy(() -> ScenarioReader.parse(List.of("", "{\"kind\":\"shipped\"}"), "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("a.jsonl line 2")
                .hasMessageContaining("unknown kind 'shipped'");
        assertThatThrownBy(() -> ScenarioReader.parse(List.of("[1]"), "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void invalidJsonIsRejectedWithoutKey() {
        assertThatThrownBy(() -> ScenarioReader.parse(List.of("{\"notes\": " + KEY + "}"), "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("not valid JSON")
                .message()
                .doesNotContain(KEY);
    }

    @Test
    void invalidKeyFieldsAreRejected() {
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"register-key\",\"keyId\":\"K\",\"productKey\":\"ABC\",\"allotment\":1}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("5x5 key");
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"register-key\",\"keyId\":\"K\",\"productKey\":\"" + KEY
                                + "\",\"allotment\":-1}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"register-key\",\"keyId\":\"K\",\"productKey\":\"" + KEY
                                + "\",\"allotment\":1.5}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("whole number");
    }

    @Test
    void stationIdWithColonIsRejected() {
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"device-provisioned\",\"report\":{\"lineId\":\"line-1\","
                                + "\"stationId\":\"a:b\"}}"),
                        "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("\"stationId\" is 'a:b'");
    }

    @Test
    void emptyScenarioIsRejected() {
        assertThatThrownBy(() -> ScenarioReader.parse(List.of("", " "), "a.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("has no steps");
    }

    @Test
    void factoryLineHasExpectedSteps() {
        Path file = RepositoryRoot.find(Path.of("")).resolve("deploy/scenarios/factory-line.jsonl");

        Scenario scenario = ScenarioReader.read(file);

        assertThat(scenario.keyRegistrations())
                .extracting(ScenarioStep.RegisterKey::keyId, ScenarioStep.RegisterKey::allotment)
                .containsExactly(tuple("KEY-A", 150L), tuple("KEY-B", 100L));
        assertThat(scenario.reportCount()).isEqualTo(395);
        assertThat(scenario.artifactCount()).isEqualTo(15);
        assertThat(scenario.steps())
                .filteredOn(step -> step instanceof ScenarioStep.CatchUp)
                .extracting(ScenarioStep::lineNumber)
                .containsExactly(230);
        assertThat(scenario.stationPrincipals())
                .containsExactly(
                        "line-1/activation-01",
                        "line-1/imaging-01",
                        "line-1/imaging-02",
                        "line-1/qa-01",
                        "line-2/activation-02",
                        "line-2/imaging-03");
    }

    @Test
    void registerKeyReadsOptionalGrantedAt() {
        Scenario scenario = ScenarioReader.parse(
                List.of(
                        "{\"kind\":\"register-key\",\"keyId\":\"KEY-A\",\"productKey\":\"" + KEY
                                + "\",\"allotment\":5,\"grantedAt\":\"2026-11-01T00:00:00Z\"}",
                        "{\"kind\":\"register-key\",\"keyId\":\"KEY-B\",\"productKey\":\"" + KEY
                                + "\",\"allotment\":5}"),
                "g.jsonl");

        assertThat(scenario.steps())
                .extracting(step -> ((ScenarioStep.RegisterKey) step).grantedAt())
                .containsExactly(Instant.parse("2026-11-01T00:00:00Z"), null);
        assertThatThrownBy(() -> ScenarioReader.parse(
                        List.of("{\"kind\":\"register-key\",\"keyId\":\"KEY-A\",\"productKey\":\"" + KEY
                                + "\",\"allotment\":5,\"grantedAt\":\"1 Nov\"}"),
                        "g.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("g.jsonl line 1")
                .hasMessageContaining(
                        "\"grantedAt\" must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z, got '1 Nov'");
    }
}
