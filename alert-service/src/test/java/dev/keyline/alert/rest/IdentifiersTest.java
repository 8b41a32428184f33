package dev.keyline.alert.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.platform.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void canonicalUuidRead() {
        assertThat(Identifiers.uuid("id", "126d370e-2825-3c3c-ada8-41aeff4fa42f"))
                .isEqualTo(UUID.fromString("126d370e-2825-3c3c-ada8-41aeff4fa42f"));
        assertThat(Identifiers.uuid("id", "126D370E-2825-3C3C-ADA8-41AEFF4FA42F"))
                .isEqualTo(UUID.fromString("126d370e-2825-3c3c-ada8-41aeff4fa42f"));
    }

    /** {@link UUID#fromString} reads {@code 1-1-1-1-1} as 00000001-0001-0001-0001-000000000001. */
    @Test
    void shortGroupsRejected() {
        assertThatThrownBy(() -> Identifiers.uuid("id", "1-1-1-1-1"))
                .isInstanceOf(ProblemException.class)
                .extracting(failure ->
                        ((ProblemException) failure).problem().errors().get(0).message())
                .isEqualTo("'1-1-1-1-1' is not a valid id");
    }
}
