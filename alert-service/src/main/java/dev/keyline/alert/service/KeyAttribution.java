package dev.keyline.alert.service;

/** The key an activation was attributed to; either part is null when the events do not name it. */
public record KeyAttribution(String keyId, String partialKey) {

    public boolean known() {
        return keyId != null || partialKey != null;
    }
}
