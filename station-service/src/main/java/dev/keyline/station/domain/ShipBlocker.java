package dev.keyline.station.domain;

/**
 * An open finding that keeps a device from shipping, such as a registered key found in an answer file on its image.
 * {@code source} names the artifact, such as an answer-file path, and {@code location} is the place in it.
 */
public record ShipBlocker(String source, String location, String severity, String maskedKey, String fix) {}
