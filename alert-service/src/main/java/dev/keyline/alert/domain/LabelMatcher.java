package dev.keyline.alert.domain;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** A label value for the trial match, besides the empty one. */
    private static final String TRIAL_VALUE = "x".repeat(256);

    private static final long TRIAL_STACK_BYTES = 256 * 1024;

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
            // The trial match of compile() makes this unlikely, but a long label could still reach deeper.
            return false;
        }
    }

    /**
     * Compiles {@code expression} as matching uses it. RE2J expands a counted repetition such as {@code a{0,9}} into
     * copies, and follows a chain of optional parts by recursion. So an expression whose counted repetitions multiply
     * to more than {@link #MAX_COPIES} copies is rejected, and so is one that overflows a small stack on a trial match.
     *
     * @throws PatternSyntaxException when it is not a valid RE2 expression or is too costly to match
     */
    public static Pattern compile(String expression) {
        long copies = RepetitionCount.copies(expression);
        if (copies > MAX_COPIES) {
            throw new PatternSyntaxException(
                    "its counted repetitions multiply to " + copies + " copies, more than " + MAX_COPIES, expression);
        }
        Pattern pattern = Pattern.compile(expression);
        if (overflowsStack(pattern)) {
            throw new PatternSyntaxException("it nests optional parts too deeply to be matched", expression);
        }
        return pattern;
    }

    /**
     * Tells whether matching {@code pattern} overflows the stack of a thread with {@link #TRIAL_STACK_BYTES}, a
     * quarter of the 1 MB that threads get by default on 64-bit Linux, so that what passes here has room to spare.
     */
    private static boolean overflowsStack(Pattern pattern) {
        AtomicBoolean overflowed = new AtomicBoolean();
        Runnable trial = () -> {
            try {
                pattern.matcher("").matches();
                pattern.matcher(TRIAL_VALUE).matches();
            } catch (StackOverflowError e) {
                overflowed.set(true);
            }
        };
        Thread thread = new Thread(null, trial, "silence-expression-trial", TRIAL_STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return overflowed.get();
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
