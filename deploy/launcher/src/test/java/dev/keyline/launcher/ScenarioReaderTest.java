package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
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
        assertThat(scenario.reportCount()).isEqualTo(383);
        assertThat(scenario.stationPrincipals())
                .containsExactly(
                        "line-1/activation-01",
                        "line-1/imaging-01",
                        "line-1/imaging-02",
                        "line-2/activation-02",
                        "line-2/imaging-03");
    }
}
