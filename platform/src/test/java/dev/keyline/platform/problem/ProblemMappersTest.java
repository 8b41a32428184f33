package dev.keyline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void ruleBecomesFix() {
        assertThat(ProblemMappers.fixFor("must be at least 1")).isEqualTo("send a value that is at least 1");
        assertThat(ProblemMappers.fixFor("must not be blank")).isEqualTo("send a value that is not blank");
        assertThat(ProblemMappers.fixFor("must match \"[a-z]+\"")).isEqualTo("send a value that does match \"[a-z]+\"");
        assertThat(ProblemMappers.fixFor("is too long")).isEqualTo("correct the value: it is too long");
    }

    @Test
    void retryLaterSetsRetryAfter() {
        Problem busy = Problem.of(503, "busy-reading", "Busy reading other bodies", "send it again in a minute");

        Response response = new ProblemMappers().problem(ProblemException.retryLater(busy, Duration.ofMinutes(1)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getEntity()).isEqualTo(busy);
    }

    @Test
    void appendedDetailKeepsRetryAfter() {
        Problem busy = Problem.of(503, "busy-reading", "Busy reading other bodies", "send it again in a minute");

        ProblemException appended =
                ProblemException.retryLater(busy, Duration.ofMinutes(1)).withDetailAppended(", and more");

        assertThat(appended.problem().detail()).isEqualTo("send it again in a minute, and more");
        assertThat(appended.problem().status()).isEqualTo(503);
        assertThat(appended.retryAfter()).contains(Duration.ofMinutes(1));
    }

    @Test
    void plainProblemHasNoRetryAfter() {
        Problem conflict = Problem.of(409, "conflict", "Conflict", "the key is registered");

        Response response = new ProblemMappers().problem(new ProblemException(conflict));

        assertThat(response.getHeaderString("Retry-After")).isNull();
        assertThat(response.getEntity()).isEqualTo(conflict);
    }

    @Test
    void unexpectedErrorBecomesProblemWithId() {
        Response response = new ProblemMappers().unexpected(new OutOfMemoryError("Java heap space"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).endsWith("/internal-error");
        assertThat(problem.detail())
                .matches("the service failed on an error it did not expect \\(error id [0-9a-f-]{36}\\), so the"
                        + " request may not have been carried out; send it again, and if the error repeats, give the"
                        + " error id to the service's operators, who find its cause in the service log");
    }

    @Test
    void unexpectedErrorMessageNotSent() {
        Response response =
                new ProblemMappers().unexpected(new IllegalStateException("failed on TSTAA-BBBBB-CCCCC-DDDDD-7QX4M"));

        Problem problem = (Problem) response.getEntity();
        assertThat(problem.detail()).doesNotContain("7QX4M").doesNotContain("IllegalStateException");
    }

    @Test
    void forbiddenNamesRolesWhenKnown() {
        assertThat(ProblemMappers.forbiddenProblem(List.of("operator", "auditor"))
                        .detail())
                .isEqualTo("this token's role may not call this endpoint, which takes a token with the role operator"
                        + " or auditor; use such a token");
        assertThat(ProblemMappers.forbiddenProblem(List.of()).detail())
                .isEqualTo("this token's role may not call this endpoint; use a token with the role the endpoint"
                        + " requires");
        assertThat(ProblemMappers.allowedRoles(null)).isEmpty();
    }
}
