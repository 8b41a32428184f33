package dev.keyline.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.alert.support.AlertmanagerTestResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@code deploy/production/alertmanager.yml} offline with Alertmanager's own {@code amtool}: the file loads,
 * and each kind of Keyline alert reaches the receiver its comments promise. {@code AlertmanagerDeliveryTest} runs
 * the file's inhibit rules in a real Alertmanager.
 */
class ProductionAlertmanagerConfigTest {

    /** The binary, from Debian's {@code prometheus-alertmanager}; the system property overrides it. */
    private static final Path AMTOOL = Path.of(System.getProperty("keyline.test.amtool", "/usr/bin/amtool"));

    private static final String CONFIG = AlertmanagerTestResource.PRODUCTION_CONFIG.toString();

    @Test
    void amtoolAcceptsTheFile() throws Exception {
        Result result = amtool("check-config", CONFIG);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS", " - 2 inhibit rules", " - 3 receivers");
    }

    @ParameterizedTest(name = "{0} ({1}) goes to {2}")
    @CsvSource({
        "key-exposure, critical, 'keyline-security,keyline-oncall'",
        "key-exposure, info, keyline-security",
        "key-exhausted, critical, keyline-oncall",
        "key-blocked, critical, keyline-oncall",
        "key-over-committed, critical, keyline-oncall",
        "consumption-above-production, critical, keyline-oncall",
        "activation-unknown-device, high, keyline-operations",
        "key-low, warning, keyline-operations",
        "dead-letter, warning, keyline-operations"
    })
    void routesEachAlertToItsReceiver(String alertname, String severity, String receiver) throws Exception {
        Result result = amtool(
                "config",
                "routes",
                "test",
                "--config.file=" + CONFIG,
                "alertname=" + alertname,
                "severity=" + severity,
                "keyId=KEY-A");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().filter(line -> !line.startsWith("Warning:")))
                .containsExactly(receiver);
    }

    private static Result amtool(String... arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(AMTOOL)) {
            throw new IllegalStateException("amtool " + AMTOOL + " is missing; install Debian's package with"
                    + " 'apt-get install -y prometheus-alertmanager', or point the system property"
                    + " keyline.test.amtool at an amtool binary");
        }
        List<String> command = new ArrayList<>();
        command.add(AMTOOL.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("amtool did not finish within 30 s: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
