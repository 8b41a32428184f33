package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMatcherTest {

    private static final Map<String, String> KEY_B = Map.of("keyId", "KEY-B");

    @Test
    void alternationMatchesWholeValue() {
        LabelMatcher matcher = new LabelMatcher("keyId", "KEY-A|KEY-B", true, true);

        assertThat(matcher.matches(KEY_B)).isTrue();
        assertThat(matcher.matches(Map.of("keyId", "KEY-BB"))).isFalse();
        assertThat(matcher.matches(Map.of("keyId", "XKEY-A"))).isFalse();
    }

    /** A quote left open takes the rest of the expression literally and must not reach past the value. */
    @Test
    void openQuoteMatchesLiterally() {
        LabelMatcher matcher = new LabelMatcher("keyId", "\\QKEY-B", true, true);

        assertThat(matcher.matches(KEY_B)).isTrue();
        assertThat(matcher.matches(Map.of("keyId", "KEY-B)"))).isFalse();
    }

    @Test
    void javaOnlySyntaxRejected() {
        assertThatThrownBy(() -> LabelMatcher.compile("(?=KEY)KEY-B")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> LabelMatcher.compile("(K)\\1")).isInstanceOf(PatternSyntaxException.class);
    }

    /** A silence stored before expressions were checked with RE2 silences nothing, with either operator. */
    @Test
    void uncompilableExpressionMatchesNothing() {
        assertThat(new LabelMatcher("keyId", "(?=KEY)KEY-B", true, true).matches(KEY_B))
                .isFalse();
        assertThat(new LabelMatcher("keyId", "(?=KEY)KEY-B", true, false).matches(KEY_B))
                .isFalse();
    }

    @Test
    void nestedStarsMatchWholeValue() {
        String expression = "(.*)".repeat(16) + "x";
        String value = "keyline.ledger-events." + "y".repeat(200);

        assertThat(new LabelMatcher("topic", expression, true, true).matches(Map.of("topic", value)))
                .isFalse();
        assertThat(new LabelMatcher("topic", expression, true, true).matches(Map.of("topic", value + "x")))
                .isTrue();
    }

    /** Each of these made RE2J overflow the stack or fill the heap when matched. */
    @Test
    void costlyExpressionsRejected() {
        String[] costly = {
            "(((((a{0,9}){0,9}){0,9}){0,9}){0,9})",
            "(a{1,1000}){1,1000}",
            "(.{0,1000}){0,1000}x",
            "(a?){1000}",
            "(" + "a?".repeat(120) + "){20}"
        };
        for (String expression : costly) {
            assertThatThrownBy(() -> LabelMatcher.compile(expression))
                    .as(expression)
                    .isInstanceOf(PatternSyntaxException.class);
            assertThat(new LabelMatcher("serial", expression, true, false).matches(Map.of()))
                    .as(expression)
                    .isFalse();
        }
    }

    @Test
    void modestRepetitionsAccepted() {
        assertThat(new LabelMatcher("keyId", "KEY-[A-Z0-9]{1,32}", true, true).matches(KEY_B))
                .isTrue();
        assertThat(new LabelMatcher("keyId", "(.{0,10}){0,10}", true, true).matches(KEY_B))
                .isTrue();
    }
}
