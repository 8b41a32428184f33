package dev.keyline.alert.domain;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One matcher of a silence, with the semantics of Alertmanager's API v2: {@code name} is a label, {@code alertname}
 * (the rule) or {@code severity}; a label the alert lacks matches as the empty string; a regular expression must
 * match the whole value.
 *
 * @param regex whether {@code value} is a regular expression
 * @param equal whether the label must match ({@code =}, {@code =~}) rather than not match ({@code !=}, {@code !~})
 */
public record LabelMatcher(String name, String value, boolean regex, boolean equal) {

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        boolean matched =
                regex ? Pattern.compile("^(?:" + value + ")$").matcher(actual).matches() : value.equals(actual);
        return matched == equal;
    }
}
