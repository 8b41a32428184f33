package dev.keyline.alert.rest;

import dev.keyline.alert.domain.AlertRule;
import dev.keyline.alert.domain.AlertStatus;
import dev.keyline.alert.domain.Severity;
import dev.keyline.alert.repository.AlertFilter;
import dev.keyline.platform.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Turns the query parameters of {@code GET /api/v1/alerts} into a filter, rejecting invalid values with a 400. */
final class AlertFilterParser {

    /** The pattern the event schemas allow for key ids and line ids. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private AlertFilterParser() {}

    static AlertFilter parse(String status, String rule, String severity, String keyId, String lineId) {
        return new AlertFilter(
                choice("status", status, AlertStatus::find, AlertStatus.wireNames()),
                choice("rule", rule, AlertRule::find, AlertRule.wireNames()),
                choice("severity", severity, Severity::find, Severity.wireNames()),
                identifier("keyId", keyId),
                identifier("lineId", lineId));
    }

    private static <T> T choice(
            String parameter, String value, Function<String, Optional<T>> find, List<String> allowed) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return find.apply(value)
                .orElseThrow(() -> ProblemException.invalidField(
                        parameter,
                        "'" + value + "' is not a valid " + parameter + "; allowed values are " + allowed,
                        "send " + parameter + " as one of " + String.join(", ", allowed) + ", or leave it out"));
    }

    private static String identifier(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw ProblemException.invalidField(
                    parameter,
                    "'" + abbreviate(value) + "' is not a valid " + parameter,
                    "send 1 to 64 letters, digits, '.', '_' or '-', or leave " + parameter + " out");
        }
        return value;
    }

    // A query parameter can be long, so the problem body quotes only its start.
    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
