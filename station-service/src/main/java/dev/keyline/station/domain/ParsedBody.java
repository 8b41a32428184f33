package dev.keyline.station.domain;

import java.util.List;

/** A request body after parsing and redaction: a JSON tree, or the reason it is not valid JSON. */
public sealed interface ParsedBody {

    /** A body that is valid JSON, as a tree with every full product key masked. */
    record Readable(RedactedTree redacted) implements ParsedBody {}

    /**
     * A body that is not valid JSON. {@code reason} has product keys masked, and {@code exposures} lists the keys
     * found in the raw text, by line and column.
     */
    record Unreadable(String reason, List<KeyExposure> exposures) implements ParsedBody {}
}
