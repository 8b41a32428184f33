package dev.keyline.alert.rest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keyline.platform.json.StorableText;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.platform.problem.QuotedValue;
import java.io.IOException;

/**
 * The optional body of {@code POST /api/v1/alerts/{id}/acknowledge}: {@code {"comment": "..."}}. The body is read
 * here rather than by the JSON provider, so a request without a body or content type is accepted.
 */
record AcknowledgeRequest(String comment) {

    static final int MAX_COMMENT_LENGTH = 1000;

    /**
     * A reader that rejects a member given twice and text after the body's value, as the services' JSON provider does.
     */
    private static final ObjectReader JSON = new ObjectMapper()
            .reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static AcknowledgeRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new AcknowledgeRequest(null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw invalid("body", "the body is not valid JSON, gives a member twice, or has more after its value");
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "the body is not a JSON object");
        }
        for (String member : (Iterable<String>) root::fieldNames) {
            if (!member.equals("comment")) {
                // A misspelt "comment" would otherwise lose the operator's words from the audit trail.
                throw invalid(QuotedValue.of(member), "is not a member of this request");
            }
        }
        JsonNode comment = root.get("comment");
        if (comment == null || comment.isNull()) {
            return new AcknowledgeRequest(null);
        }
        if (!comment.isTextual() || comment.asText().length() > MAX_COMMENT_LENGTH) {
            throw invalid("comment", "the comment is not a string of at most " + MAX_COMMENT_LENGTH + " characters");
        }
        String unstorable = StorableText.problem(comment.asText());
        if (unstorable != null) {
            throw invalid("comment", unstorable);
        }
        return new AcknowledgeRequest(comment.asText());
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(
                field,
                message,
                "send no body, or {\"comment\": \"...\"} with at most " + MAX_COMMENT_LENGTH + " characters");
    }
}
