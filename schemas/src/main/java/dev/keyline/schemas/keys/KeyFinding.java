package dev.keyline.schemas.keys;

/** One full key found in text: where it was and the forms of it that may be kept. */
public record KeyFinding(String maskedKey, String partialKey, String fingerprint, int line, int column) {}
