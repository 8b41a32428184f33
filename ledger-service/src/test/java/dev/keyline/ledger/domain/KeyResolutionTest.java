package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyResolutionTest {

    private static final KeyRef KEY_A = new KeyRef("KEY-A", "AAAA1");
    private static final KeyRef KEY_B = new KeyRef("KEY-B", "BBBB2");
    private static final KeyRef KEY_C = new KeyRef("KEY-C", "SAME3");
    private static final KeyRef KEY_D = new KeyRef("KEY-D", "SAME3");
    private static final Map<String, KeyRef> BY_ID =
            Map.of("KEY-A", KEY_A, "KEY-B", KEY_B, "KEY-C", KEY_C, "KEY-D", KEY_D);

    @Test
    void keyIdWithMatchingPartialKey() {
        assertThat(resolve("KEY-A", "AAAA1")).isEqualTo(KEY_A);
        assertThat(resolve("KEY-A", null)).isEqualTo(KEY_A);
    }

    @Test
    void unknownKeyIdUsesUniquePartialKey() {
        assertThat(resolve("KEY-NEW", "BBBB2")).isEqualTo(KEY_B);
        assertThat(resolve(null, "BBBB2")).isEqualTo(KEY_B);
        assertThat(resolve(null, "SAME3")).as("shared by two keys").isNull();
        assertThat(resolve("KEY-NEW", "ZZZZ9")).isNull();
        assertThat(resolve(null, null)).isNull();
    }

    @Test
    void partialKeyBeatsOtherKeyId() {
        assertThat(resolve("KEY-A", "BBBB2")).isEqualTo(KEY_B);
        assertThat(KeyResolution.overridesKeyId("KEY-A", KEY_A, KEY_B)).isTrue();
    }

    @Test
    void unknownPartialKeyBooksNoKey() {
        assertThat(resolve("KEY-A", "ZZZZ9")).isNull();
        assertThat(resolve("KEY-A", "SAME3")).isNull();
        assertThat(KeyResolution.overridesKeyId("KEY-A", KEY_A, null)).isTrue();
    }

    @Test
    void keyIdOverriddenWhenBookedElsewhere() {
        assertThat(KeyResolution.overridesKeyId("KEY-A", KEY_A, KEY_A)).isFalse();
        assertThat(KeyResolution.overridesKeyId(null, null, KEY_B)).isFalse();
        assertThat(KeyResolution.overridesKeyId("KEY-NEW", null, null))
                .as("a key not registered yet")
                .isFalse();
        assertThat(KeyResolution.overridesKeyId("KEY-NEW", null, KEY_B))
                .as("an unknown id, as key-b")
                .isTrue();
    }

    private static KeyRef resolve(String keyId, String partialKey) {
        return KeyResolution.resolve(keyId, partialKey, BY_ID::get, partial -> BY_ID.values().stream()
                .filter(key -> key.partialKey().equals(partial))
                .sorted((left, right) -> left.keyId().compareTo(right.keyId()))
                .toList());
    }
}
