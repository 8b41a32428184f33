package dev.keyline.alert.domain;

/** A change the lifecycle made to an alert, with the alert as it is after the change. */
public record AlertTransition(Kind kind, AlertState state) {

    public enum Kind {
        /** The first firing of this identity: a new alert. */
        RAISED("raised"),
        /** An active alert whose condition held again: one more occurrence. */
        REPEATED("repeated"),
        /** A resolved alert whose condition is true again: it fires again as the same alert. */
        REFIRED("refired"),
        /** An operator took on a firing alert. */
        ACKNOWLEDGED("acknowledged"),
        /** An active alert whose condition cleared, or that an operator resolved. */
        RESOLVED("resolved");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Returns whether this change made the alert fire after it was absent or resolved. */
    public boolean startsFiring() {
        return kind == Kind.RAISED || kind == Kind.REFIRED;
    }
}
