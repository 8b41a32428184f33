package dev.keyline.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}) with one extension member, {@code errors},
 * that names each invalid value and its fix. Its texts are masked on construction, so a value repeated back to the
 * caller never carries a product key, whichever way it was written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public Problem {
        title = KeyRedactor.maskForEcho(title);
        detail = KeyRedactor.maskForEcho(detail);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://keyline.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.copyOf(errors));
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return of(status, slug, title, detail, List.of());
    }

    /** Returns this problem with {@code text} added to the end of its detail, such as a notice of exposed keys. */
    public Problem withDetailAppended(String text) {
        return new Problem(type, title, status, detail + text, errors);
    }
}
