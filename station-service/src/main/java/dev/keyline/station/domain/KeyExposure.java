package dev.keyline.station.domain;

import dev.keyline.schemas.keys.KeyFinding;

/**
 * A full product key found in a request body or artifact. {@code location} is the JSON pointer of the text value that
 * contained it (such as {@code /notes}), or {@code line L, column C} of the raw body when the body was not valid JSON.
 * In an artifact it is the XPath of an answer-file element, or {@code line L} of a text artifact.
 */
public record KeyExposure(String location, KeyFinding finding) {}
