package dev.keyline.schemas;

/**
 * Text of a value for a message, with control characters and line separators escaped, such as {@code \n} and
 * {@code \u2028}. A value that differs from another only by a line break then shows the difference, and the message
 * stays on one line in a log or a Kafka header.
 */
public final class Printable {

    private Printable() {}

    /** Returns {@code value} with its control characters and line separators escaped. */
    public static String of(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        text.append(String.format("\\u%04X", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.toString();
    }
}
