package dev.keyline.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A matcher for the plain anchored patterns of Keyline's schemas, such as {@code ^[A-Za-z0-9._-]{1,64}$} or
 * {@code ^(success|0x[0-9A-F]{8})$}, that returns what the {@link SchemaPattern} regular expression returns, without
 * {@link java.util.regex}. Decoding runs the patterns of every field of every event, and the regular
 * expressions took a quarter of the ledger's decoding time (docs/BENCHMARKS.md).
 *
 * <p>It reads a pattern that starts with {@code ^} and ends with {@code $}, made of literal characters, escaped
 * punctuation, character classes without negation, the quantifiers {@code ? * + {n} {m,} {m,n}} on those, and groups
 * of alternatives that may be optional. For anything else, {@link #of} returns empty and the caller keeps the regular
 * expression. Matching tries the longest run first and backtracks, as {@code java.util.regex} does.
 */
final class AnchoredPattern {

    private final Node start;

    private AnchoredPattern(Node start) {
        this.start = start;
    }

    /** Returns a matcher for the pattern, or empty when it uses more than this class reads. */
    static Optional<Predicate<String>> of(String ecmaPattern) {
        if (ecmaPattern.length() < 2
                || ecmaPattern.charAt(0) != '^'
                || !ecmaPattern.endsWith("$")
                || ecmaPattern.endsWith("\\$")) {
            return Optional.empty();
        }
        // A | outside a group would split the anchors too ("^a|b$" is "^a" or "b$"), so the top is one sequence.
        Parser parser = new Parser(ecmaPattern.substring(1, ecmaPattern.length() - 1));
        Node start = parser.sequence(End.INSTANCE);
        if (start == null || !parser.atEnd()) {
            return Optional.empty();
        }
        AnchoredPattern pattern = new AnchoredPattern(start);
        return Optional.of(pattern::matches);
    }

    boolean matches(String value) {
        return start.match(value, 0);
    }

    /** One step of the pattern. It matches the rest of the value from {@code position} on, its successors included. */
    private interface Node {

        boolean match(String value, int position);
    }

    /** The end of the pattern: {@code $}, which ends the text. */
    private enum End implements Node {
        INSTANCE;

        @Override
        public boolean match(String value, int position) {
            return position == value.length();
        }
    }

    /** A run of {@code min} to {@code max} characters of one set, then {@code next}. */
    private record Run(CharSet set, int min, int max, Node next) implements Node {

        @Override
        public boolean match(String value, int position) {
            int run = 0;
            while (run < max && position + run < value.length() && set.contains(value.charAt(position + run))) {
                run++;
            }
            for (int length = run; length >= min; length--) {
                if (next.match(value, position + length)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Alternatives that each end in the group's successor. An optional group may also go straight to it. */
    private record Choice(List<Node> alternatives, boolean optional, Node next) implements Node {

        @Override
        public boolean match(String value, int position) {
            for (Node alternative : alternatives) {
                if (alternative.match(value, position)) {
                    return true;
                }
            }
            return optional && next.match(value, position);
        }
    }

    /** The characters of a class or of one literal, as inclusive ranges. */
    /**
     * A set of characters given as inclusive ranges. Its ASCII members are also kept as a 128-bit mask, because
     * decoding tests every character of every id against such a set, and scanning the ranges took about 5 % of the
     * ledger's CPU samples (docs/BENCHMARKS.md).
     */
    private record CharSet(char[] from, char[] to, long lowMask, long highMask) {

        static CharSet of(List<char[]> ranges) {
            char[] from = new char[ranges.size()];
            char[] to = new char[ranges.size()];
            for (int i = 0; i < ranges.size(); i++) {
                from[i] = ranges.get(i)[0];
                to[i] = ranges.get(i)[1];
            }
            return new CharSet(from, to, asciiMask(from, to, 0), asciiMask(from, to, 64));
        }

        /** Returns the members from {@code first} to {@code first + 63} as bits, bit 0 for {@code first}. */
        private static long asciiMask(char[] from, char[] to, int first) {
            long mask = 0;
            for (int c = first; c < first + 64; c++) {
                if (inRanges(from, to, (char) c)) {
                    mask |= 1L << (c - first);
                }
            }
            return mask;
        }

        private static boolean inRanges(char[] from, char[] to, char c) {
            for (int i = 0; i < from.length; i++) {
                if (c >= from[i] && c <= to[i]) {
                    return true;
                }
            }
            return false;
        }

        boolean contains(char c) {
            if (c < 64) {
                return (lowMask >>> c & 1) != 0;
            }
            if (c < 128) {
                return (highMask >>> (c - 64) & 1) != 0;
            }
            return inRanges(from, to, c);
        }
    }

    /**
     * Reads a pattern from its end to its start, so that each node is built knowing its successor. Returns null from
     * a method when the pattern uses something it does not read.
     */
    private static final class Parser {

        private final String pattern;
        private int end;

        Parser(String pattern) {
            this.pattern = pattern;
            this.end = pattern.length();
        }

        boolean atEnd() {
            return end == 0;
        }

        /** Reads alternatives separated by {@code |}, back to the start or to an opening parenthesis. */
        Node alternatives(Node next) {
            List<Node> alternatives = new ArrayList<>();
            while (true) {
                Node alternative = sequence(next);
                if (alternative == null) {
                    return null;
                }
                alternatives.add(0, alternative);
                if (end > 0 && pattern.charAt(end - 1) == '|' && !escaped(end - 1)) {
                    end--;
                    continue;
                }
                return alternatives.size() == 1 ? alternatives.get(0) : new Choice(alternatives, false, next);
            }
        }

        /** Reads atoms back to the start, a {@code |} or a {@code (}, and chains them to {@code next}. */
        Node sequence(Node next) {
            Node node = next;
            while (end > 0) {
                char last = pattern.charAt(end - 1);
                if ((last == '|' || last == '(') && !escaped(end - 1)) {
                    return node;
                }
                node = quantified(node);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }

        /** Reads one atom with its quantifier, which comes last and so is read first. */
        private Node quantified(Node next) {
            int[] bounds = quantifier();
            if (bounds == null) {
                return null;
            }
            char last = pattern.charAt(end - 1);
            if (last == ')' && !escaped(end - 1)) {
                return group(bounds, next);
            }
            CharSet set = last == ']' && !escaped(end - 1) ? characterClass() : literal();
            return set == null ? null : new Run(set, bounds[0], bounds[1], next);
        }

        /** Reads a group, which may be optional but not repeated. */
        private Node group(int[] bounds, Node next) {
            boolean optional = bounds[0] == 0 && bounds[1] == 1;
            if (!optional && !(bounds[0] == 1 && bounds[1] == 1)) {
                return null;
            }
            end--; // the closing parenthesis
            Node inside = alternatives(next);
            if (inside == null || end == 0 || pattern.charAt(end - 1) != '(') {
                return null;
            }
            end--;
            List<Node> alternatives = inside instanceof Choice choice && !choice.optional() && choice.next() == next
                    ? choice.alternatives()
                    : List.of(inside);
            return new Choice(alternatives, optional, next);
        }

        /**
         * Reads the quantifier before {@code end}, if any, and returns its bounds, which are {@code {1,1}} for none.
         */
        private int[] quantifier() {
            char last = pattern.charAt(end - 1);
            if (escaped(end - 1)) {
                return new int[] {1, 1};
            }
            switch (last) {
                case '?', '*', '+' -> {
                    end--;
                    if (end == 0 || isQuantifierEnd(pattern.charAt(end - 1)) && !escaped(end - 1)) {
                        return null; // a lazy or possessive quantifier, or a quantifier with no atom
                    }
                    return switch (last) {
                        case '?' -> new int[] {0, 1};
                        case '*' -> new int[] {0, Integer.MAX_VALUE};
                        default -> new int[] {1, Integer.MAX_VALUE};
                    };
                }
                case '}' -> {
                    int open = pattern.lastIndexOf('{', end - 1);
                    if (open <= 0) {
                        return null;
                    }
                    int[] bounds = bounds(pattern.substring(open + 1, end - 1));
                    end = open;
                    return bounds;
                }
                default -> {
                    return new int[] {1, 1};
                }
            }
        }

        private static boolean isQuantifierEnd(char c) {
            return c == '?' || c == '*' || c == '+' || c == '}';
        }

        /** Reads {@code n}, {@code m,} or {@code m,n}. */
        private static int[] bounds(String text) {
            if (!text.matches("[0-9]{1,9}(,[0-9]{0,9})?")) {
                return null;
            }
            int comma = text.indexOf(',');
            if (comma < 0) {
                int exactly = Integer.parseInt(text);
                return new int[] {exactly, exactly};
            }
            int min = Integer.parseInt(text.substring(0, comma));
            int max = comma == text.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(text.substring(comma + 1));
            return min <= max ? new int[] {min, max} : null;
        }

        /** Reads one literal character, which may be escaped punctuation. */
        private CharSet literal() {
            char c = pattern.charAt(end - 1);
            if (escaped(end - 1)) {
                end -= 2;
                return isPunctuation(c) ? single(c) : null;
            }
            end--;
            if ("^$.|?*+()[]{}\\".indexOf(c) >= 0 || Character.isSurrogate(c)) {
                return null;
            }
            return single(c);
        }

        /** Reads a character class such as {@code [A-Za-z0-9._-]}. Negated classes are not read. */
        private CharSet characterClass() {
            int close = end - 1;
            int open = openingBracket(close);
            if (open < 0 || open + 1 == close || pattern.charAt(open + 1) == '^') {
                return null;
            }
            List<Character> members = new ArrayList<>();
            List<Boolean> isDash = new ArrayList<>();
            for (int i = open + 1; i < close; i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    char escapedChar = pattern.charAt(++i);
                    if (!isPunctuation(escapedChar)) {
                        return null; // \d, \w, \s, \b and the like
                    }
                    members.add(escapedChar);
                    isDash.add(false);
                } else if (c == '[' || c == ']' || Character.isSurrogate(c)) {
                    return null;
                } else {
                    members.add(c);
                    isDash.add(c == '-');
                }
            }
            List<char[]> ranges = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                if (i + 2 < members.size() && isDash.get(i + 1)) {
                    char from = members.get(i);
                    char to = members.get(i + 2);
                    if (from > to) {
                        return null;
                    }
                    ranges.add(new char[] {from, to});
                    i += 2;
                } else {
                    ranges.add(new char[] {members.get(i), members.get(i)});
                }
            }
            end = open;
            return CharSet.of(ranges);
        }

        /** Returns the index of the {@code [} that opens the class closing at {@code close}, or -1. */
        private int openingBracket(int close) {
            for (int i = close - 1; i >= 0; i--) {
                if (pattern.charAt(i) == '[' && !escaped(i)) {
                    return i;
                }
            }
            return -1;
        }

        /** Tells whether the character at {@code index} follows an odd number of backslashes. */
        private boolean escaped(int index) {
            int backslashes = 0;
            for (int i = index - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            return backslashes % 2 == 1;
        }

        private static boolean isPunctuation(char c) {
            return c < 128 && !Character.isLetterOrDigit(c) && c > ' ';
        }

        private static CharSet single(char c) {
            return CharSet.of(List.<char[]>of(new char[] {c, c}));
        }
    }
}
