package dev.keyline.alert.domain;

/**
 * The size that RE2J's program for an RE2 expression can grow to: the copies that its counted repetitions, such as
 * {@code {2}}, {@code {0,9}} or {@code {3,}}, multiply to, and its branch points. Both are upper bounds, because
 * repetitions side by side are multiplied as if one were nested in the other, which keeps the parser small.
 *
 * @param copies the product of the largest count of each counted repetition, 1 when there is none, at most 1,000,000
 * @param branches 1 plus the count of the characters that make RE2J branch or nest, outside escapes and classes:
 *     {@code ?}, {@code *}, {@code +}, {@code |} and {@code (}. Matching follows chains of such branches by recursion.
 */
record ExpressionSize(long copies, long branches) {

    /** A count above every limit, returned once the product passes it, so that it cannot overflow. */
    private static final long CAP = 1_000_000;

    /** Measures {@code expression} in one pass. */
    static ExpressionSize of(String expression) {
        long copies = 1;
        long branches = 1;
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\\') {
                i = afterEscape(expression, i);
            } else if (c == '[') {
                i = afterClass(expression, i);
            } else if (c == '{') {
                int end = expression.indexOf('}', i);
                long count = end < 0 ? 0 : largestCount(expression.substring(i + 1, end));
                if (count > 0) {
                    copies = Math.min(CAP, copies * Math.min(CAP, count));
                    i = end + 1;
                } else {
                    // Not a repetition, such as "{x}": RE2 reads the brace as a literal.
                    i++;
                }
            } else {
                if ("?*+|(".indexOf(c) >= 0) {
                    branches++;
                }
                i++;
            }
        }
        return new ExpressionSize(copies, branches);
    }

    /** Returns the index after an escape, after the whole quoted text for {@code \Q...\E}. */
    private static int afterEscape(String expression, int backslash) {
        if (backslash + 1 < expression.length() && expression.charAt(backslash + 1) == 'Q') {
            int end = expression.indexOf("\\E", backslash + 2);
            return end < 0 ? expression.length() : end + 2;
        }
        return backslash + 2;
    }

    /** Returns the index after a character class, whose braces are literal. */
    private static int afterClass(String expression, int open) {
        int i = open + 1;
        if (i < expression.length() && expression.charAt(i) == '^') {
            i++;
        }
        // A ']' right after '[' or '[^' is a member of the class.
        if (i < expression.length() && expression.charAt(i) == ']') {
            i++;
        }
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && expression.startsWith("[:", i)) {
                int end = expression.indexOf(":]", i + 2);
                i = end < 0 ? i + 1 : end + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /**
     * Returns the copies that one repetition's counts, the text between its braces, allow at most: {@code m} for
     * {@code n,m}, {@code n + 1} for {@code n,} (n copies and a star), {@code n} for {@code n}, or 0 when the text is
     * not a repetition.
     */
    private static long largestCount(String counts) {
        int comma = counts.indexOf(',');
        String low = comma < 0 ? counts : counts.substring(0, comma);
        String high = comma < 0 ? null : counts.substring(comma + 1);
        if (!digits(low) || (high != null && !high.isEmpty() && !digits(high))) {
            return 0;
        }
        if (high == null) {
            return Math.max(1, number(low));
        }
        return high.isEmpty() ? number(low) + 1 : Math.max(1, number(high));
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.length() <= 7 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long number(String digits) {
        return Long.parseLong(digits);
    }
}
