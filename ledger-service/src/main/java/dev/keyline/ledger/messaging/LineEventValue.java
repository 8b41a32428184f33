package dev.keyline.ledger.messaging;

import dev.keyline.schemas.DecodeResult;

/**
 * A line-event record's value as sent, for the dead-letter topic, and what decoding it gave.
 *
 * @param text the value as UTF-8 text, or null for a record without a value
 * @param decoded the decoded event or why it was rejected
 */
public record LineEventValue(String text, DecodeResult decoded) {}
