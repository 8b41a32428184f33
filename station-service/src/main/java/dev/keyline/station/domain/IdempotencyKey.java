package dev.keyline.station.domain;

import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.keys.ProductKeys;
import java.util.regex.Pattern;

/**
 * The value of a report request's {@code Idempotency-Key} header: a name the station picks for one report, such as a
 * UUID, so that it can send the report again after a lost response without booking it twice.
 */
public record IdempotencyKey(String value) {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern SEPARATORS = Pattern.compile("[._:]");
    private static final Pattern SEPARATORS_AND_DASHES = Pattern.compile("[._:-]");
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String FIX =
            "send a new UUID for each report, and the same one when you send that report again";

    public IdempotencyKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw ProblemException.invalidField(
                    HEADER,
                    "must be 1 to 128 letters, digits, '.', '_', ':' or '-'" + Quoting.got(Quoting.masked(value)),
                    FIX);
        }
        if (ProductKeys.hidesKey(value)) {
            // The value is not repeated: a key spelt with separators would survive any mask.
            throw keyInside();
        }
    }

    /** Returns the 400 problem for a header value that contains a product key. */
    public static ProblemException keyInside() {
        return ProblemException.invalidField(HEADER, "must not contain a product key", FIX);
    }

    /**
     * Returns a header value with the separators it may hold, {@code . _ :}, written as dashes, so that a key spelt
     * with any of them reads as a dashed key. The result is only for finding keys in.
     */
    public static String asDashedText(String value) {
        return SEPARATORS.matcher(value).replaceAll("-");
    }

    /** Returns a header value without the separators it may hold, for finding a key spelt with uneven groups in. */
    public static String withoutSeparators(String value) {
        return SEPARATORS_AND_DASHES.matcher(value).replaceAll("");
    }
}
