package dev.keyline.schemas.keys;

/**
 * A key found in text: where it starts and ends in the text as written, and the key itself with whatever hid it
 * removed, ready to fingerprint and mask.
 */
public record KeySpan(int start, int end, String key) {}
