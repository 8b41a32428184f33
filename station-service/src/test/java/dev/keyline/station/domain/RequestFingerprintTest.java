package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.keys.KeyFingerprinter;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final KeyFingerprinter KEYS = new KeyFingerprinter("request-fingerprint-test-secret");

    @Test
    void sameRequestSameFingerprint() {
        String fingerprint = RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-1\"}", KEYS);

        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-1\"}", KEYS))
                .isEqualTo(fingerprint);
    }

    @Test
    void bodyAndTargetBothCount() {
        String fingerprint = RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-1\"}", KEYS);

        assertThat(RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-2\"}", KEYS))
                .isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("activation-attempted", "{\"serial\":\"S-1\"}", KEYS))
                .isNotEqualTo(fingerprint);
    }

    @Test
    void sameKeySameFingerprint() {
        String body = "{\"notes\":\"ipk TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}";

        assertThat(RequestFingerprint.of("activation-attempted", body, KEYS))
                .isEqualTo(RequestFingerprint.of("activation-attempted", body, KEYS));
    }

    @Test
    void otherKeyWithSamePartialKeyCounts() {
        // Both bodies read the same once masked; a resend that swapped the key must not pass as the first request.
        String first = RequestFingerprint.of(
                "activation-attempted", "{\"notes\":\"ipk TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}", KEYS);
        String swapped = RequestFingerprint.of(
                "activation-attempted", "{\"notes\":\"ipk TSTQQ-RRRRR-SSSSS-TTTTT-7QX4M\"}", KEYS);

        assertThat(swapped).isNotEqualTo(first);
    }

    @Test
    void maskedKeyIsNotTheKey() {
        assertThat(RequestFingerprint.of("device-provisioned", "{\"notes\":\"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}", KEYS))
                .isNotEqualTo(RequestFingerprint.of(
                        "device-provisioned", "{\"notes\":\"*****-*****-*****-*****-7QX4M\"}", KEYS));
    }
}
