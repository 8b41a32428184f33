package dev.keyline.platform.problem;

/** An invalid request value with its fix; {@code field} is a JSON pointer or a parameter name. */
public record FieldError(String field, String message, String fix) {}
