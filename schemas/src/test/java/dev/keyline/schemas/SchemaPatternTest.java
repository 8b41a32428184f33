package dev.keyline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SchemaPatternTest {

    private static final Pattern ID = SchemaPattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final Pattern RESULT = SchemaPattern.compile("^(success|0x[0-9A-F]{8})$");

    private static boolean matches(Pattern pattern, String value) {
        return pattern.matcher(value).find();
    }

    @Test
    void dollarEndsTheText() {
        assertThat(matches(ID, "SN-0001")).isTrue();
        assertThat(matches(ID, "SN-0001\n")).isFalse();
        assertThat(matches(ID, "SN-0001\r\n")).isFalse();
        assertThat(matches(ID, "SN-0001\u2028")).isFalse();
    }

    @Test
    void dollarEndsAlternatives() {
        assertThat(matches(RESULT, "success")).isTrue();
        assertThat(matches(RESULT, "0xC004C020")).isTrue();
        assertThat(matches(RESULT, "success\n")).isFalse();
        assertThat(matches(RESULT, "0xC004C020\r")).isFalse();
    }

    @Test
    void escapedDollarStaysLiteral() {
        Pattern price = SchemaPattern.compile("^\\$[0-9]+$");

        assertThat(matches(price, "$10")).isTrue();
        assertThat(matches(price, "$10\n")).isFalse();
        assertThat(matches(price, "10")).isFalse();
    }

    @Test
    void dollarInClassStaysLiteral() {
        Pattern symbols = SchemaPattern.compile("^[$\\]]+$");

        assertThat(matches(symbols, "$]$")).isTrue();
        assertThat(matches(symbols, "$\n")).isFalse();
    }

    @Test
    void factoryMatchesTheSame() {
        assertThat(SchemaPattern.FACTORY.getRegularExpression("^[A-Z0-9]{5}$").matches("7QX4M"))
                .isTrue();
        assertThat(SchemaPattern.FACTORY.getRegularExpression("^[A-Z0-9]{5}$").matches("7QX4M\n"))
                .isFalse();
    }
}
