package dev.keyline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keyline.platform.json.StrictScalars;
import dev.keyline.platform.json.WholeBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictBodyProblemTest {

    /** A request with a text member and an instant member, as scrap and key registration have. */
    record Request(String reason, Instant grantedAt) {}

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        // Quarkus registers the Java time module before StrictScalars runs, because of its lowest priority.
        mapper.registerModule(new JavaTimeModule());
        new StrictScalars().customize(mapper);
        new WholeBody().customize(mapper);
        return mapper;
    }

    @Test
    void stringsStillRead() throws Exception {
        Request request = mapper().readValue(
                        "{\"reason\": \"line closed\", \"grantedAt\": \"2026-11-01T00:00:00Z\"}", Request.class);

        assertThat(request.reason()).isEqualTo("line closed");
        assertThat(request.grantedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void numberForTextRejected() {
        for (String value : new String[] {"12345", "1.5", "true"}) {
            assertThatThrownBy(() -> mapper().readValue("{\"reason\": " + value + "}", Request.class))
                    .as(value)
                    .isInstanceOfSatisfying(MismatchedInputException.class, e -> assertThat(
                                    ProblemMappers.otherTypeOrTrailing(e))
                            .isEqualTo(new FieldError(
                                    "/reason", "is not text in quotes", "send the value as a JSON string in quotes")));
        }
    }

    @Test
    void numberForInstantRejected() {
        assertThatThrownBy(() -> mapper().readValue("{\"grantedAt\": 1764979200}", Request.class))
                .isInstanceOfSatisfying(
                        MismatchedInputException.class, e -> assertThat(ProblemMappers.otherTypeOrTrailing(e))
                                .isEqualTo(new FieldError(
                                        "/grantedAt",
                                        "is not an instant in quotes",
                                        "send a UTC instant as a JSON string, such as \"2026-12-01T00:00:00Z\"")));
    }

    /** A request type as the services name theirs. */
    record TopUpRequest(long activations) {}

    /** A request with a truth value, as alert silences have. */
    record Flags(boolean isRegex) {}

    @Test
    void numberForTruthValueRejected() throws Exception {
        assertThatThrownBy(() -> mapper().readValue("{\"isRegex\": 2}", Flags.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThat(mapper().readValue("{\"isRegex\": true}", Flags.class).isRegex())
                .isTrue();
    }

    @Test
    void jacksonMessagesReadable() {
        List<String> messages = new ArrayList<>();
        for (String body : List.of(
                "[]",
                "\"five\"",
                "{\"activations\": 99999999999999999999999}",
                "{\"activations\": NaN}",
                "true",
                "{\"activations\": [1]}",
                "{\"activations\": yes}",
                "{\"activations\": caseBCDFGHJKMNPQRTVWXY2346789}",
                "{\"activations\": " + "x".repeat(40) + "caseBCDFGHJKMNPQRTVWXY2346789}",
                "{\"activations\": 1,}",
                "{\"activations\": 1",
                "{\"activations\": 1]")) {
            try {
                mapper().readValue(body, TopUpRequest.class);
            } catch (Exception e) {
                messages.add(ProblemMappers.readable(((JsonProcessingException) e).getOriginalMessage()));
            }
        }

        assertThat(messages)
                .containsExactly(
                        "is an array where a JSON object belongs",
                        "is text where a JSON object belongs",
                        "is a number too large for this member; docs/API.md gives the values it takes",
                        "Non-standard token 'NaN'",
                        "is true or false where a JSON object belongs",
                        "is an array where a whole number belongs",
                        "has 'yes', which is not JSON; put text in quotes, and write true, false and null in lower"
                                + " case",
                        "has a word, which is not JSON; put text in quotes, and write true, false and null in lower"
                                + " case",
                        "has a word, which is not JSON; put text in quotes, and write true, false and null in lower"
                                + " case",
                        "has '}' where JSON does not allow it",
                        "ends before its JSON value is complete",
                        "Unexpected close marker ']': expected '}'");
        assertThat(ProblemMappers.readable(
                        "Cannot deserialize value of type `java.util.ArrayList<dev.keyline.alert.rest"
                                + ".MatcherBody>` from Object value (token `JsonToken.START_OBJECT`)"))
                .isEqualTo("is an object where an array belongs");
        assertThat(ProblemMappers.readable("Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                        + " `StreamReadConstraints.getMaxNestingDepth()`)"))
                .isEqualTo("Document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void unreadableInstantNamed() {
        assertThatThrownBy(() -> mapper().readValue("{\"grantedAt\": \"2026-11-01\"}", Request.class))
                .isInstanceOfSatisfying(
                        MismatchedInputException.class, e -> assertThat(ProblemMappers.otherTypeOrTrailing(e))
                                .isEqualTo(new FieldError(
                                        "/grantedAt",
                                        "is not an ISO-8601 instant with a date, a time and an offset",
                                        "send a UTC instant as a JSON string, such as \"2026-12-01T00:00:00Z\"")));
    }

    @Test
    void textAfterBodyRejected() throws Exception {
        // The column is where the text after the value starts.
        Map<String, Integer> bodies = Map.of("{\"reason\": \"a\"}{\"reason\": \"b\"}", 16, "{\"reason\": \"a\"} 5", 17);
        for (Map.Entry<String, Integer> body : bodies.entrySet()) {
            assertThatThrownBy(() -> mapper().readValue(body.getKey(), Request.class))
                    .as(body.getKey())
                    .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                        FieldError error = ProblemMappers.otherTypeOrTrailing(e);
                        assertThat(error.field()).isEqualTo("body");
                        assertThat(error.message())
                                .isEqualTo("has more after its JSON value at line 1, column " + body.getValue());
                    });
        }

        assertThat(mapper().readValue("{\"reason\": \"a\"}\n\n", Request.class).reason())
                .isEqualTo("a");
    }
}
