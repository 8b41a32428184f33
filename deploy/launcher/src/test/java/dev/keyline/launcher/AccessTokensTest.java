package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    @Test
    void sha256HexMatchesSha256sum() {
        // printf %s operator-test-token | sha256sum
        assertThat(AccessTokens.sha256Hex("operator-test-token"))
                .isEqualTo("8ab817b57342c26ffe488f3496c34d72b47ac4140f5dbcf16e9cb38c3390a2ba");
    }

    @Test
    void variableListsHashesOnly() {
        AccessTokens tokens = AccessTokens.generate(List.of("line-1/imaging-01", "line-2/imaging-03"));

        String variable = tokens.authTokensVariable();
        List<String> entries = Arrays.asList(variable.split(","));

        assertThat(entries)
                .containsExactly(
                        AccessTokens.sha256Hex(tokens.operatorToken()) + ":operator:operator",
                        AccessTokens.sha256Hex(tokens.auditorToken()) + ":auditor:auditor",
                        AccessTokens.sha256Hex(
                                        tokens.stationToken("line-1/imaging-01").orElseThrow())
                                + ":line-1/imaging-01:station",
                        AccessTokens.sha256Hex(
                                        tokens.stationToken("line-2/imaging-03").orElseThrow())
                                + ":line-2/imaging-03:station");
        assertThat(variable).doesNotContain(tokens.operatorToken());
        assertThat(variable).doesNotContain(tokens.auditorToken());
    }

    @Test
    void tokensAreDistinctAndLong() {
        AccessTokens tokens = AccessTokens.generate(List.of("line-1/imaging-01"));
        String station = tokens.stationToken("line-1/imaging-01").orElseThrow();

        assertThat(List.of(tokens.operatorToken(), tokens.auditorToken(), station))
                .doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(43));
        assertThat(tokens.stationToken("line-9/unknown")).isEmpty();
    }

    @Test
    void toStringHidesTokens() {
        AccessTokens tokens = AccessTokens.generate(List.of("line-1/imaging-01"));

        assertThat(tokens.toString())
                .doesNotContain(tokens.operatorToken())
                .doesNotContain(tokens.auditorToken())
                .contains("line-1/imaging-01");
    }

    @Test
    void writesEveryTokenToPrivateFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws Exception {
        AccessTokens tokens = AccessTokens.generate(java.util.List.of("line-1/imaging-01"));
        java.nio.file.Path file = directory.resolve("tokens");

        tokens.writeTo(file);

        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        org.assertj.core.api.Assertions.assertThat(lines)
                .contains(
                        "operator=" + tokens.operatorToken(),
                        "auditor=" + tokens.auditorToken(),
                        "line-1/imaging-01="
                                + tokens.stationToken("line-1/imaging-01").orElseThrow());
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
}
