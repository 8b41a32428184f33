package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeySpan;
import dev.keyline.schemas.keys.KeySpans;
import dev.keyline.schemas.keys.ProductKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dashed product keys that whitespace splits, such as a key broken over two lines inside
 * {@code ProductKey} or written with {@code &#10;} inside an attribute. Masking reads the text as it is and would
 * leave both halves readable. Only the dashed form is looked for: removing whitespace from prose can join words into
 * 25 letters and digits, but hardly into five groups of five joined by dashes.
 */
final class WhitespaceSplitKeys {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DASHED_KEY =
            Pattern.compile("(?:[A-Za-z0-9]{5}" + ProductKeys.DASH + "){4}[A-Za-z0-9]{5}");

    private WhitespaceSplitKeys() {}

    /**
     * Returns the keys {@code written} contains only once its whitespace is removed, in order, without the keys {@link
     * KeySpans} finds in it, such as a key wrapped at a dash.
     */
    static List<String> in(String written) {
        // Full-width forms are read as ASCII, one for one, as KeySpans reads them.
        String text = KeySpans.foldFullWidth(written);
        if (!WHITESPACE.matcher(text).find()) {
            return List.of();
        }
        Map<String, Integer> whole = new HashMap<>();
        for (KeySpan span : KeySpans.in(text)) {
            whole.merge(ProductKeys.normalize(span.key()), 1, Integer::sum);
        }

        List<String> split = new ArrayList<>();
        Matcher joined = DASHED_KEY.matcher(WHITESPACE.matcher(text).replaceAll(""));
        while (joined.find()) {
            String key = ProductKeys.normalize(joined.group());
            Integer seen = whole.get(key);
            if (seen != null && seen > 0) {
                whole.put(key, seen - 1);
            } else {
                split.add(joined.group());
            }
        }
        return split;
    }
}
