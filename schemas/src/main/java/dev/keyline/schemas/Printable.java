package dev.keyline.schemas;

/**
 * Writes a value into a message with its control characters and line separators escaped, such as {@code \n} and
 * {@code \u2028}, so a value that differs from another only by a line break shows the difference, and a message
 * stays on one line in a log or a Kafka header.
 */
final class Printable {

    private Printable() {}

    static String of(String value) {
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
