package dev.keyline.alert.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class AcknowledgeRequestTest {

    @Test
    void commentRead() {
        assertThat(AcknowledgeRequest.parse("{\"comment\": \"replaced the key\"}")
                        .comment())
                .isEqualTo("replaced the key");
        assertThat(AcknowledgeRequest.parse("").comment()).isNull();
    }

    @Test
    void textAfterBodyRejected() {
        for (String body : new String[] {"{\"comment\": \"a\"}{\"comment\": \"b\"}", "{\"comment\": \"a\"} 5"}) {
            assertThatThrownBy(() -> AcknowledgeRequest.parse(body))
                    .as(body)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(
                                    e.problem().errors().get(0).message())
                            .isEqualTo(
                                    "the body is not valid JSON, gives a member twice, or has more after its value"));
        }
    }
}
