package dev.keyline.platform.problem;

import dev.keyline.schemas.keys.KeyRedactor;

/**
 * An invalid request value with its fix; {@code field} is a JSON pointer or a parameter name. Its texts are masked on
 * construction, as {@link Problem}'s are.
 */
public record FieldError(String field, String message, String fix) {

    public FieldError {
        field = KeyRedactor.maskShortValue(field);
        message = KeyRedactor.maskForEcho(message);
        fix = KeyRedactor.maskForEcho(fix);
    }
}
