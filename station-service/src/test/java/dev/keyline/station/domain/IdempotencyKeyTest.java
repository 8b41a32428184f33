package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.platform.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void uuidAndNamedKeysAccepted() {
        assertThat(new IdempotencyKey("0b6f8c1e-3f0a-4d0e-9c39-2f1d6f1c7a10").value())
                .isEqualTo("0b6f8c1e-3f0a-4d0e-9c39-2f1d6f1c7a10");
        assertThat(new IdempotencyKey("line-1:imaging-01:L1-0001.provision_2").value())
                .isEqualTo("line-1:imaging-01:L1-0001.provision_2");
    }

    @Test
    void emptyLongAndSpacedKeysRejected() {
        assertThatThrownBy(() -> new IdempotencyKey(""))
                .isInstanceOf(ProblemException.class)
                .extracting(failure ->
                        ((ProblemException) failure).problem().errors().get(0).message())
                .isEqualTo("must be 1 to 128 letters, digits, '.', '_', ':' or '-', got ''");
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(129)))
                .isInstanceOf(ProblemException.class)
                .extracting(failure -> ((ProblemException) failure).problem().status())
                .isEqualTo(400);
        assertThatThrownBy(() -> new IdempotencyKey("a/b"))
                .isInstanceOf(ProblemException.class)
                .extracting(failure ->
                        ((ProblemException) failure).problem().errors().get(0).field())
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void productKeyRejectedMasked() {
        assertThatThrownBy(() -> new IdempotencyKey("TSTAA-BBBBB-CCCCC-DDDDD-7QX4M"))
                .isInstanceOf(ProblemException.class)
                .extracting(failure ->
                        ((ProblemException) failure).problem().errors().get(0).message())
                .isEqualTo("must not contain a product key");
    }

    @Test
    void keyWithOtherSeparatorsRejected() {
        for (String spelling : List.of(
                "tstaabbbbbcccccddddd7qx4m", "TSTAA_BBBBB_CCCCC_DDDDD_7QX4M", "TSTAA.BBBBB.CCCCC.DDDDD.7QX4M")) {
            assertThatThrownBy(() -> new IdempotencyKey(spelling)).as(spelling).isInstanceOf(ProblemException.class);
        }
        assertThat(new IdempotencyKey("0b7e3c1a-6f2d-4a8e-9c51-2d7f80a4e913").value())
                .isEqualTo("0b7e3c1a-6f2d-4a8e-9c51-2d7f80a4e913");
    }
}
