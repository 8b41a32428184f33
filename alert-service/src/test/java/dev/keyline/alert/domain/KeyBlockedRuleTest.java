package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.BalanceChanged;
import org.junit.jupiter.api.Test;

class KeyBlockedRuleTest {

    @Test
    void failureFiresOneAlertPerKey() {
        Evaluation.Fire first = (Evaluation.Fire) KeyBlockedRule.onFailure("KEY-B", "7QX4M", attempt("SN-1"));
        Evaluation.Fire second = (Evaluation.Fire) KeyBlockedRule.onFailure("KEY-B", "7QX4M", attempt("SN-2"));

        assertThat(first.identity()).isEqualTo(second.identity());
        assertThat(first.identity().text()).isEqualTo("key-blocked{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.summary())
                .isEqualTo("Microsoft blocked KEY-B (partial key 7QX4M): activation of SN-1 on line line-1 failed"
                        + " with 0xC004C003 (the activation server blocked the key)");
        assertThat(first.action())
                .isEqualTo("stop installing KEY-B (partial key 7QX4M) and switch stations to another key; devices"
                        + " shipped with it cannot activate, so contact Microsoft licensing about the block and re-key"
                        + " those devices. Once Microsoft lifts it, unblock the key in the ledger with the case"
                        + " number");
    }

    @Test
    void blockedStateFires() {
        Evaluation evaluation = KeyBlockedRule.onBalance(Fixtures.balance(100, 40, "blocked", null));

        assertThat(evaluation).isInstanceOf(Evaluation.Fire.class);
        assertThat(((Evaluation.Fire) evaluation).summary())
                .isEqualTo("the ledger marked KEY-B (partial key 7QX4M) blocked (allotment 100, consumed 40,"
                        + " committed 0)");
    }

    @Test
    void activeStateChangesNothing() {
        assertThat(KeyBlockedRule.onBalance(Fixtures.balance(100, 40, "active", null)))
                .isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void unblockResolves() {
        Evaluation evaluation = KeyBlockedRule.onBalance(unblockBalance("unblock:MS-CASE 1207", "active"));

        assertThat(evaluation).isInstanceOf(Evaluation.Resolve.class);
        Evaluation.Resolve resolve = (Evaluation.Resolve) evaluation;
        assertThat(resolve.identity().text()).isEqualTo("key-blocked{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
        assertThat(resolve.summary())
                .isEqualTo("an operator unblocked KEY-B (partial key 7QX4M) (reference MS-CASE 1207) (allotment 100,"
                        + " consumed 40, committed 0)");
    }

    @Test
    void unblockCauseOnOtherStateDoesNotResolve() {
        assertThat(KeyBlockedRule.onBalance(unblockBalance("unblock:MS-CASE 1207", "blocked")))
                .isInstanceOf(Evaluation.Fire.class);
        assertThat(KeyBlockedRule.onBalance(unblockBalance("top-up:unblock:1", "active")))
                .isInstanceOf(Evaluation.NoChange.class);
    }

    private static BalanceChanged unblockBalance(String cause, String state) {
        return new BalanceChanged("KEY-B", "7QX4M", 100, 0, 40, 60, cause, state, 0L, null, null, null);
    }

    private static ActivationAttempted attempt(String serial) {
        return new ActivationAttempted(
                serial, "line-1", "activation-01", "KEY-B", "7QX4M", ActivationChannel.INTERNET, "0xC004C003", null);
    }
}
