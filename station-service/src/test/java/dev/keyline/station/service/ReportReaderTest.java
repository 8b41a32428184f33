package dev.keyline.station.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.station.domain.ActivationAttemptedReport;
import dev.keyline.station.domain.DeviceProvisionedReport;
import dev.keyline.station.domain.ReadResult;
import dev.keyline.station.domain.ReportKind;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ValidatorFactory validators;
    private static ReportReader reader;

    @BeforeAll
    static void createReader() {
        validators = Validation.buildDefaultValidatorFactory();
        reader = new ReportReader(validators.getValidator());
    }

    @AfterAll
    static void closeValidators() {
        validators.close();
    }

    @Test
    void validReportRead() throws Exception {
        ReadResult result = read(
                ReportKind.DEVICE_PROVISIONED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "imaging-01", "partialKey": "7QX4M",
                 "method": "offline-dism", "keyCleared": true}
                """);

        assertThat(result).isInstanceOf(ReadResult.Valid.class);
        assertThat(((ReadResult.Valid) result).report())
                .isEqualTo(new DeviceProvisionedReport(
                        "SN-1", "line-1", "imaging-01", null, null, "7QX4M", "offline-dism", true, null, null));
    }

    @Test
    void violationsSortedByField() throws Exception {
        List<FieldError> errors = errors(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "", "lineId": "line-1", "channel": "fax", "result": "success",
                 "partialKey": "7QX4"}
                """);

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("/channel", "/partialKey", "/serial", "/stationId");
        assertThat(errors.get(0).message()).isEqualTo("must be one of internet, phone, vamt-proxy, got 'fax'");
        assertThat(errors.get(2).message())
                .isEqualTo("must be 1 to 64 letters, digits, '.', '_' or '-', not dots alone, got ''");
        assertThat(errors.get(3).message()).isEqualTo("is missing");
    }

    @Test
    void dotsAloneNoSerial() throws Exception {
        List<FieldError> errors = errors(
                ReportKind.DEVICE_PROVISIONED,
                """
                {"serial": "..", "lineId": "line-1", "stationId": "imaging-01", "partialKey": "7QX4M",
                 "method": "offline-dism", "keyCleared": true}
                """);

        assertThat(errors).extracting(FieldError::field).containsExactly("/serial");
        assertThat(errors.get(0).message())
                .isEqualTo("must be 1 to 64 letters, digits, '.', '_' or '-', not dots alone, got '..'");
    }

    @Test
    void dotsInsideSerialAccepted() throws Exception {
        ReadResult result = read(
                ReportKind.DEVICE_PROVISIONED,
                """
                {"serial": "SN.1..2", "lineId": "line-1", "stationId": "imaging-01", "partialKey": "7QX4M",
                 "method": "offline-dism", "keyCleared": true}
                """);

        assertThat(result).isInstanceOf(ReadResult.Valid.class);
    }

    @Test
    void nestedValueTypeNamed() throws Exception {
        List<FieldError> errors = errors(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "activation-01", "channel": "phone",
                 "result": "success", "notes": {"text": "hi"}}
                """);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/notes");
            assertThat(error.message()).isEqualTo("must be a JSON string");
        });
    }

    @Test
    void unknownMemberNameMasked() throws Exception {
        List<FieldError> errors = errors(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "activation-01", "channel": "phone",
                 "result": "success", "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M": true}
                """);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/*****-*****-*****-*****-7QX4M");
            assertThat(error.message()).isEqualTo("is not a member of the activation-attempted report");
        });
    }

    @Test
    void longValueNotQuoted() throws Exception {
        List<FieldError> errors = errors(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "activation-01", "channel": "phone",
                 "result": "success", "notes": "%s"}
                """
                        .formatted("n".repeat(2001)));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/notes");
            assertThat(error.message()).isEqualTo("is longer than 2000 characters");
        });
    }

    @Test
    void hardwareHashAndUwfStateRead() throws Exception {
        ReadResult result = read(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "activation-01", "channel": "internet",
                 "result": "success", "hardwareHash": "aGFyZHdhcmU+hash/v1==_-", "uwfEnabled": true}
                """);

        assertThat(result).isInstanceOf(ReadResult.Valid.class);
        assertThat(((ReadResult.Valid) result).report())
                .isEqualTo(new ActivationAttemptedReport(
                        "SN-1",
                        "line-1",
                        "activation-01",
                        null,
                        null,
                        null,
                        "internet",
                        "success",
                        null,
                        "aGFyZHdhcmU+hash/v1==_-",
                        true));
    }

    @Test
    void badHardwareHashAndUwfStateNamed() throws Exception {
        List<FieldError> errors = errors(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "activation-01", "channel": "internet",
                 "result": "success", "hardwareHash": "aGFyZHdhcmUtMQ==", "uwfEnabled": "maybe"}
                """);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/uwfEnabled");
            assertThat(error.message()).isEqualTo("must be true or false, got 'maybe'");
            assertThat(error.fix())
                    .isEqualTo("send true when Unified Write Filter was on at activation, false when it was off,"
                            + " or leave uwfEnabled out");
        });

        List<FieldError> hashErrors = errors(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "activation-01", "channel": "internet",
                 "result": "success", "hardwareHash": "not a hash", "uwfEnabled": false}
                """);

        assertThat(hashErrors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/hardwareHash");
            assertThat(error.message())
                    .isEqualTo("must be 1 to 512 letters, digits, '+', '/', '=', '_' or '-', such as a Base64"
                            + " hardware hash, got 'not a hash'");
            assertThat(error.fix())
                    .isEqualTo("send the device's hardware hash as Base64 or Base64url text of at most 512"
                            + " characters, or leave hardwareHash out");
        });
    }

    @Test
    void overlongHardwareHashNotQuoted() throws Exception {
        List<FieldError> errors = errors(
                ReportKind.ACTIVATION_ATTEMPTED,
                """
                {"serial": "SN-1", "lineId": "line-1", "stationId": "activation-01", "channel": "internet",
                 "result": "success", "hardwareHash": "%s"}
                """
                        .formatted("a".repeat(513)));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("/hardwareHash");
            assertThat(error.message())
                    .isEqualTo("must be 1 to 512 letters, digits, '+', '/', '=', '_' or '-', such as a Base64"
                            + " hardware hash");
        });
    }

    private static List<FieldError> errors(ReportKind kind, String json) throws Exception {
        ReadResult result = read(kind, json);
        assertThat(result).isInstanceOf(ReadResult.Invalid.class);
        return ((ReadResult.Invalid) result).errors();
    }

    private static ReadResult read(ReportKind kind, String json) throws Exception {
        JsonNode tree = MAPPER.readTree(json);
        return reader.read(kind, tree);
    }
}
