package dev.keyline.alert.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The state of a silence relative to its time window. */
public enum SilenceState {
    PENDING("pending"),
    ACTIVE("active"),
    EXPIRED("expired");

    private final String wireName;

    SilenceState(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
