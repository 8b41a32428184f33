package dev.keyline.platform.problem;

/** What was wrong with one request value and how to fix it; {@code field} is a JSON pointer or a parameter name. */
public record FieldError(String field, String message, String fix) {}
