package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.BalanceChanged;
import java.util.Optional;

/**
 * Microsoft's report that a key is exhausted: an exhausted HRESULT, or the ledger's {@code exhausted} state. It stays
 * until the key's allotment rises above {@code allotment}, the allotment when it was reported, because only a top-up
 * clears it. The ledger keeps the state {@code exhausted} after a top-up, so the state alone cannot clear it.
 *
 * @param reason what reported the exhaustion, for the alert's summary
 */
public record ExhaustionMark(long allotment, String reason) {

    static final String EXHAUSTED_STATE = "exhausted";

    /**
     * Returns the mark after a balance: cleared when the allotment rose above the marked one, set when the ledger's
     * state turned {@code exhausted} since {@code previousState}.
     */
    public static Optional<ExhaustionMark> afterBalance(
            Optional<ExhaustionMark> mark, String previousState, BalanceChanged balance) {
        Optional<ExhaustionMark> result = mark.filter(marked -> balance.allotment() <= marked.allotment());
        boolean turnedExhausted = EXHAUSTED_STATE.equals(balance.state()) && !EXHAUSTED_STATE.equals(previousState);
        if (result.isEmpty() && turnedExhausted) {
            return Optional.of(new ExhaustionMark(balance.allotment(), "the ledger marked the key exhausted"));
        }
        return result;
    }

    /**
     * Returns the mark after an activation failed with an exhausted HRESULT. {@code knownAllotment} is the key's last
     * known allotment, or null when no balance was seen yet; then the next balance replaces the mark.
     */
    public static ExhaustionMark afterFailure(
            Optional<ExhaustionMark> mark, Long knownAllotment, ActivationAttempted attempt) {
        return mark.orElseGet(() -> new ExhaustionMark(
                knownAllotment == null ? 0 : knownAllotment,
                "activation of " + attempt.serial() + " failed with " + ActivationResults.describe(attempt.result())));
    }
}
