package dev.keyline.alert.rest;

import com.google.re2j.PatternSyntaxException;
import dev.keyline.alert.domain.AlertRule;
import dev.keyline.alert.domain.LabelMatcher;
import dev.keyline.alert.domain.Severity;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a silence request and turns it into matchers and a time window, reporting every invalid field in one 400
 * response.
 */
final class SilenceRequests {

    static final int MAX_MATCHERS = 20;
    static final int MAX_VALUE_LENGTH = 256;
    static final int MAX_COMMENT_LENGTH = 1000;

    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private SilenceRequests() {}

    /** A checked request. */
    record Checked(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String comment) {}

    static Checked check(SilenceRequest request, Instant now) {
        if (request == null) {
            throw invalid(List.of(new FieldError(
                    "body", "the body is missing", "send a JSON object with matchers, endsAt and comment")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<LabelMatcher> matchers = matchers(request.matchers(), errors);
        Instant startsAt =
                request.startsAt() == null ? now : RequestInstants.read("startsAt", request.startsAt(), errors);
        Instant endsAt = request.endsAt() == null
                ? missing("endsAt", "send endsAt as an RFC 3339 instant, such as 2026-12-05T18:00:00Z", errors)
                : RequestInstants.read("endsAt", request.endsAt(), errors);
        if (startsAt != null && endsAt != null) {
            if (!endsAt.isAfter(startsAt)) {
                errors.add(new FieldError(
                        "endsAt", "endsAt " + endsAt + " is not after startsAt " + startsAt, "send a later endsAt"));
            } else if (!endsAt.isAfter(now)) {
                errors.add(new FieldError(
                        "endsAt", "endsAt " + endsAt + " is in the past", "send an endsAt after the current time"));
            }
        }
        String comment = comment(request.comment(), errors);

        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new Checked(matchers, startsAt, endsAt, comment);
    }

    private static List<LabelMatcher> matchers(List<MatcherBody> bodies, List<FieldError> errors) {
        if (bodies == null || bodies.isEmpty() || bodies.size() > MAX_MATCHERS) {
            errors.add(new FieldError(
                    "matchers",
                    bodies == null || bodies.isEmpty()
                            ? "no matchers were sent"
                            : bodies.size() + " matchers were sent, more than " + MAX_MATCHERS,
                    "send 1 to " + MAX_MATCHERS + " matchers such as {\"name\": \"keyId\", \"value\": \"KEY-B\"}"));
            return List.of();
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            LabelMatcher matcher = matcher("matchers/" + i, bodies.get(i), errors);
            if (matcher != null) {
                matchers.add(matcher);
            }
        }
        if (matchers.size() == bodies.size() && matchers.stream().allMatch(m -> m.matches(Map.of()))) {
            errors.add(new FieldError(
                    "matchers",
                    "every matcher also matches alerts without the label, so the silence would match every alert",
                    "add a matcher that requires a label value, such as {\"name\": \"alertname\", \"value\":"
                            + " \"key-low\"}"));
        } else if (matchers.size() == bodies.size() && matchesEveryRule(matchers)) {
            errors.add(new FieldError(
                    "matchers",
                    "the matchers accept every rule with every severity, so the silence would match every alert",
                    "narrow alertname or severity to some rules, or add a matcher that requires a label such as"
                            + " keyId or lineId"));
        }
        return matchers;
    }

    /** Tells whether the matchers accept an alert of each rule and severity that has no other labels. */
    private static boolean matchesEveryRule(List<LabelMatcher> matchers) {
        for (String rule : AlertRule.wireNames()) {
            for (String severity : Severity.wireNames()) {
                Map<String, String> labels = Map.of("alertname", rule, "severity", severity);
                if (!matchers.stream().allMatch(m -> m.matches(labels))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static LabelMatcher matcher(String field, MatcherBody body, List<FieldError> errors) {
        if (body == null) {
            errors.add(new FieldError(field, "the matcher is null", "send an object with name and value"));
            return null;
        }
        boolean valid = true;
        if (body.name() == null || !LABEL_NAME.matcher(body.name()).matches()) {
            errors.add(new FieldError(
                    field + "/name",
                    "'" + body.name() + "' is not a valid label name",
                    "send a label name such as alertname, severity, keyId, lineId, stationId or serial"));
            valid = false;
        }
        if (body.value() == null || body.value().length() > MAX_VALUE_LENGTH) {
            errors.add(new FieldError(
                    field + "/value",
                    body.value() == null ? "the value is missing" : "the value is longer than " + MAX_VALUE_LENGTH,
                    "send a value of at most " + MAX_VALUE_LENGTH + " characters"));
            valid = false;
        }
        if (valid && (looksLikeKey(body.name()) || looksLikeKey(body.value()))) {
            // A silence is stored and listed to every auditor, and no alert label contains a full key.
            errors.add(new FieldError(
                    looksLikeKey(body.name()) ? field + "/name" : field + "/value",
                    "contains a product key, so it was not stored: alert labels carry only key ids and partial keys",
                    "match on the key's keyId or partialKey, such as {\"name\": \"partialKey\", \"value\":"
                            + " \"7QX4M\"}"));
            valid = false;
        }
        boolean regex = Boolean.TRUE.equals(body.isRegex());
        if (valid && regex) {
            try {
                LabelMatcher.compile(body.value());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(
                        field + "/value",
                        "'" + body.value() + "' is not a valid regular expression: " + e.getDescription(),
                        "send an RE2 regular expression, the syntax Alertmanager uses, or set isRegex to false"));
                valid = false;
            }
        }
        return valid ? new LabelMatcher(body.name(), body.value(), regex, !Boolean.FALSE.equals(body.isEqual())) : null;
    }

    private static boolean looksLikeKey(String text) {
        return ProductKeys.hidesKey(text);
    }

    private static Instant missing(String field, String fix, List<FieldError> errors) {
        errors.add(new FieldError(field, field + " is missing", fix));
        return null;
    }

    private static String comment(String comment, List<FieldError> errors) {
        if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT_LENGTH) {
            errors.add(new FieldError(
                    "comment",
                    comment == null || comment.isBlank()
                            ? "the comment is missing"
                            : "the comment is longer than " + MAX_COMMENT_LENGTH + " characters",
                    "say in 1 to " + MAX_COMMENT_LENGTH + " characters why the alerts are silenced"));
            return null;
        }
        // Any token that could be a key is masked before the comment is stored and listed. That includes a key in
        // five groups separated by spaces and one in lower case without dashes.
        return KeyRedactor.maskForEcho(comment);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        String fields = String.join(
                ", ", errors.stream().map(FieldError::field).distinct().toList());
        return new ProblemException(Problem.of(
                400, "invalid-request", "Invalid request", "the request has invalid values in " + fields, errors));
    }
}
