package dev.keyline.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

    private static final String STATION_TOKEN = "station-line-1-imaging-01-test-token";

    @Test
    void findsTokenByItsHash() {
        TokenRegistry registry =
                new TokenRegistry(List.of(TokenRegistry.sha256(STATION_TOKEN) + ":line-1/imaging-01:station", "none"));

        TokenEntry entry = registry.find(STATION_TOKEN).orElseThrow();

        assertThat(entry.principal()).isEqualTo("line-1/imaging-01");
        assertThat(entry.roles()).isEqualTo(Set.of("station"));
        assertThat(registry.find("another-token")).isEmpty();
    }

    @Test
    void parsesSeveralRoles() {
        TokenEntry entry = TokenEntry.parse(TokenRegistry.sha256("t") + ":ops:operator+auditor", 0);

        assertThat(entry.roles()).containsExactlyInAnyOrder("operator", "auditor");
    }

    @Test
    void rejectsPlainTokenWithPositionAndFix() {
        assertThatThrownBy(() -> new TokenRegistry(List.of("my-plain-token:ops:operator")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyline.auth.tokens[0] is invalid")
                .hasMessageContaining("sha256sum");
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(TokenRegistry.sha256("operator-test-token"))
                .isEqualTo("8ab817b57342c26ffe488f3496c34d72b47ac4140f5dbcf16e9cb38c3390a2ba");
    }
}
