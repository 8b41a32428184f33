package dev.keyline.schemas;

/** The outcome of reading one record as a Keyline CloudEvent: the event, or why it was rejected. */
public sealed interface DecodeResult {

    /** A record that passed the envelope and data schemas. */
    record Decoded(CloudEvent<?> event) implements DecodeResult {}

    /** A record that is not a valid Keyline event; {@code reason} never contains a full product key. */
    record Rejected(String reason) implements DecodeResult {}
}
