package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyStateTest {

    @Test
    void retiredOutranksEveryFailure() {
        assertThat(KeyState.outranks("retired", KeyState.EXHAUSTED)).isTrue();
        assertThat(KeyState.outranks("retired", KeyState.BLOCKED)).isTrue();
    }

    @Test
    void blockedOutranksExhausted() {
        assertThat(KeyState.outranks("blocked", KeyState.EXHAUSTED)).isTrue();
        assertThat(KeyState.outranks("exhausted", KeyState.BLOCKED)).isFalse();
        assertThat(KeyState.outranks("active", KeyState.EXHAUSTED)).isFalse();
        assertThat(KeyState.outranks("active", KeyState.BLOCKED)).isFalse();
    }

    @Test
    void hresultsProveStates() {
        assertThat(KeyState.provenBy("0xC004C020")).contains(KeyState.EXHAUSTED);
        assertThat(KeyState.provenBy("0xC004C008")).contains(KeyState.EXHAUSTED);
        assertThat(KeyState.provenBy("0xC004C003")).contains(KeyState.BLOCKED);
        assertThat(KeyState.provenBy("0xC004C060")).contains(KeyState.BLOCKED);
        assertThat(KeyState.provenBy("0xC004F074")).isEmpty();
    }
}
