package dev.keyline.alert.domain;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One matcher of a silence, with the semantics of Alertmanager's API v2: {@code name} is a label, {@code alertname}
 * (the rule) or {@code severity}; a label the alert lacks matches as the empty string; a regular expression must
 * match the whole value.
 *
 * <p>Regular expressions have the RE2 syntax that Alertmanager uses, and RE2J matches them in time linear in the
 * value's length, so no expression can keep a thread busy for long.
 *
 * @param regex whether {@code value} is a regular expression
 * @param equal whether the label must match ({@code =}, {@code =~}) rather than not match ({@code !=}, {@code !~})
 */
public record LabelMatcher(String name, String value, boolean regex, boolean equal) {

    /** Compiled expressions by their text; silences are few, so the map is cleared only when it grows past this. */
    private static final int MAX_COMPILED = 10_000;

    private static final Map<String, Optional<Pattern>> COMPILED = new ConcurrentHashMap<>();

    /**
     * Tells whether the alert with {@code labels} matches. A regular expression that does not compile, as one stored
     * before expressions were checked with RE2 can be, matches no alert with either operator.
     */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        if (!regex) {
            return value.equals(actual) == equal;
        }
        Optional<Pattern> pattern = compiled(value);
        return pattern.isPresent() && pattern.get().matcher(actual).matches() == equal;
    }

    /**
     * Compiles {@code expression} as matching uses it.
     *
     * @throws PatternSyntaxException when it is not a valid RE2 expression
     */
    public static Pattern compile(String expression) {
        return Pattern.compile(expression);
    }

    private static Optional<Pattern> compiled(String expression) {
        if (COMPILED.size() > MAX_COMPILED) {
            COMPILED.clear();
        }
        return COMPILED.computeIfAbsent(expression, text -> {
            try {
                return Optional.of(compile(text));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        });
    }
}
