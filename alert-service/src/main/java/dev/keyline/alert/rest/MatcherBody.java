package dev.keyline.alert.rest;

/**
 * A silence matcher in Alertmanager's API v2 form. {@code isRegex} defaults to false and {@code isEqual} to true, so
 * {@code {"name": "keyId", "value": "KEY-B"}} matches alerts whose keyId label is KEY-B.
 */
public record MatcherBody(String name, String value, Boolean isRegex, Boolean isEqual) {}
