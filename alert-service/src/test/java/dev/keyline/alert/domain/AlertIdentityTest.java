package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertIdentityTest {

    @Test
    void textSortsLabelsByName() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("partialKey", "7QX4M");
        labels.put("keyId", "KEY-B");

        String text = AlertIdentity.of(AlertRule.KEY_LOW, labels).text();

        assertThat(text).isEqualTo("key-low{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
    }

    @Test
    void textIgnoresInsertionOrder() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("a", "1");
        forward.put("b", "2");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("b", "2");
        backward.put("a", "1");

        AlertIdentity first = AlertIdentity.of(AlertRule.KEY_EXPOSURE, forward);
        AlertIdentity second = AlertIdentity.of(AlertRule.KEY_EXPOSURE, backward);

        assertThat(first.text()).isEqualTo(second.text());
        assertThat(first).isEqualTo(second);
    }

    @Test
    void textEscapesQuotesAndBackslashes() {
        String text = AlertIdentity.of(AlertRule.KEY_EXPOSURE, Map.of("location", "C:\\Panther\\\"x\""))
                .text();

        assertThat(text).isEqualTo("key-exposure{location=\"C:\\\\Panther\\\\\\\"x\\\"\"}");
    }

    @Test
    void textDiffersByRule() {
        Map<String, String> labels = Map.of("keyId", "KEY-B");

        String keyLow = AlertIdentity.of(AlertRule.KEY_LOW, labels).text();
        String unknownDevice =
                AlertIdentity.of(AlertRule.ACTIVATION_UNKNOWN_DEVICE, labels).text();

        assertThat(keyLow).isNotEqualTo(unknownDevice);
    }
}
