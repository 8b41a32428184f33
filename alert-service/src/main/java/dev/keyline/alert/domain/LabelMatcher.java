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
     * The maximum number of copies that an expression's counted repetitions may multiply to, such as 10 for {@code
     * (a{2}){5}}.
     */
    static final int MAX_COPIES = 100;

    /**
     * The maximum number of branch points (see {@link ExpressionSize#branches}) in all copies. In a trial of RE2J
     * 1.8, a chain of 960 optional parts fitted a 512 KB stack and one of 2,400 did not. Threads get 1 MB by default
     * on 64-bit Linux.
     */
    static final int MAX_BRANCHES = 500;

    /**
     * Tells whether the alert with {@code labels} matches. A regular expression that does not compile, or that {@link
     * #compile} rejects as too costly, matches no alert with either operator, as one stored before these checks can.
     */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        if (!regex) {
            return value.equals(actual) == equal;
        }
        Optional<Pattern> pattern = compiled(value);
        if (pattern.isEmpty()) {
            return false;
        }
        try {
            return pattern.get().matcher(actual).matches() == equal;
        } catch (StackOverflowError e) {
            // The limits of compile() make this unlikely, but a stored expression may predate them.
            return false;
        }
    }

    /**
     * Compiles {@code expression} as matching uses it. RE2J expands a counted repetition such as {@code a{0,9}} into
     * copies and follows chains of branches by recursion, so an expression whose counted repetitions multiply to more
     * than {@link #MAX_COPIES} copies, or whose branch points in all copies pass {@link #MAX_BRANCHES}, is rejected.
     *
     * @throws PatternSyntaxException when it is not a valid RE2 expression or is too costly to match
     */
    public static Pattern compile(String expression) {
        ExpressionSize size = ExpressionSize.of(expression);
        long copies = size.copies();
        if (copies > MAX_COPIES) {
            throw new PatternSyntaxException(
                    "its counted repetitions multiply to " + copies + " copies, more than " + MAX_COPIES, expression);
        }
        long branches = size.branches() * copies;
        if (branches > MAX_BRANCHES) {
            throw new PatternSyntaxException(
                    "it has " + branches + " branch points in all copies, more than " + MAX_BRANCHES, expression);
        }
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
