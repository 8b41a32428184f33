package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void sameRequestSameFingerprint() {
        String fingerprint = RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-1\"}");

        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-1\"}"))
                .isEqualTo(fingerprint);
    }

    @Test
    void bodyAndTargetBothCount() {
        String fingerprint = RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-1\"}");

        assertThat(RequestFingerprint.of("device-provisioned", "{\"serial\":\"S-2\"}"))
                .isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("activation-attempted", "{\"serial\":\"S-1\"}"))
                .isNotEqualTo(fingerprint);
    }

    @Test
    void fingerprintOfMaskedBody() {
        // Only the masked body is hashed, so the hash is the same whichever key with that partial key was sent.
        assertThat(RequestFingerprint.of("device-provisioned", "{\"notes\":\"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}"))
                .isEqualTo(
                        RequestFingerprint.of("device-provisioned", "{\"notes\":\"*****-*****-*****-*****-7QX4M\"}"));
    }
}
