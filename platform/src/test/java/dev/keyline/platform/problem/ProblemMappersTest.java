package dev.keyline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void ruleBecomesFix() {
        assertThat(ProblemMappers.fixFor("must be at least 1")).isEqualTo("send a value that is at least 1");
        assertThat(ProblemMappers.fixFor("must not be blank")).isEqualTo("send a value that is not blank");
        assertThat(ProblemMappers.fixFor("must match \"[a-z]+\"")).isEqualTo("send a value that does match \"[a-z]+\"");
        assertThat(ProblemMappers.fixFor("is too long")).isEqualTo("correct the value: it is too long");
    }
}
