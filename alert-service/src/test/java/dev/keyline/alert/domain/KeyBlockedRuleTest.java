package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
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
        assertThat(first.action()).startsWith("stop installing KEY-B (partial key 7QX4M) and switch stations");
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

    private static ActivationAttempted attempt(String serial) {
        return new ActivationAttempted(
                serial, "line-1", "activation-01", "KEY-B", "7QX4M", ActivationChannel.INTERNET, "0xC004C003", null);
    }
}
