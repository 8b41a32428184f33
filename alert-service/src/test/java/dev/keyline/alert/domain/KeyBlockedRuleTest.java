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
    void unblockResolvesByPartialKey() {
        Evaluation evaluation = KeyBlockedRule.onBalance(unblockBalance("unblock:MS-CASE 1207", "active"));

        assertThat(evaluation).isInstanceOf(Evaluation.ResolveMatching.class);
        Evaluation.ResolveMatching resolve = (Evaluation.ResolveMatching) evaluation;
        assertThat(resolve.summary())
                .isEqualTo("an operator unblocked KEY-B (partial key 7QX4M) (reference MS-CASE 1207), and it is active"
                        + " (allotment 100, consumed 40, committed 0)");
        assertThat(resolve.matches(KeyBlockedRule.identity("KEY-B", "7QX4M"))).isTrue();
        assertThat(resolve.matches(KeyBlockedRule.identity("key-b", "7QX4M")))
                .as("a misspelt key id")
                .isTrue();
        assertThat(resolve.matches(KeyBlockedRule.identity("KEY-C", "9RT2P"))).isFalse();
        assertThat(resolve.matches(KeyExhaustedRule.identity("KEY-B", "7QX4M"))).isFalse();
    }

    @Test
    void unblockToExhaustedResolves() {
        assertThat(KeyBlockedRule.onBalance(unblockBalance("unblock:MS-2", "exhausted")))
                .isInstanceOf(Evaluation.ResolveMatching.class);
    }

    @Test
    void unblockReferenceMasked() {
        Evaluation.ResolveMatching resolve = (Evaluation.ResolveMatching)
                KeyBlockedRule.onBalance(unblockBalance("unblock:case TSTAA-BBBBB-CCCCC-DDDDD-7QX4M", "active"));

        assertThat(resolve.summary())
                .contains("(reference case *****-*****-*****-*****-7QX4M)")
                .doesNotContain("TSTAA");
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
