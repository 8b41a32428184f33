package dev.keyline.station.domain;

/**
 * The production key a device carries, as its provisioning report named it. {@code defaultKey} is true for a default
 * manufacturing key, which lets setup finish but cannot activate, so a device carrying only that key must not ship.
 */
public record InstalledKey(String keyId, String partialKey, boolean defaultKey) {}
