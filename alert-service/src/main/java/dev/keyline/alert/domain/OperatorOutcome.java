package dev.keyline.alert.domain;

/** Result of an operator's acknowledge or resolve: the change made, or why the alert's status does not allow it. */
public sealed interface OperatorOutcome {

    record Applied(AlertTransition transition) implements OperatorOutcome {}

    /** The action does not apply to the alert's current status; {@code reason} explains why, for the 409 response. */
    record Rejected(String reason) implements OperatorOutcome {}
}
