package dev.keyline.platform.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** One accepted token: the SHA-256 of the token, who it identifies and the roles it grants. */
public record TokenEntry(String sha256, String principal, Set<String> roles) {

    /** Parses {@code sha256hex:principal:role[+role...]}; throws with the entry's position and the fix. */
    public static TokenEntry parse(String entry, int position) {
        String[] parts = entry.trim().split(":");
        if (parts.length != 3 || !parts[0].matches("[0-9a-f]{64}") || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("keyline.auth.tokens[" + position + "] is invalid: expected"
                    + " sha256hex:principal:role[+role], where sha256hex is 64 lower-case hex digits"
                    + " (for example from 'printf %s TOKEN | sha256sum')");
        }
        Set<String> roles =
                Arrays.stream(parts[2].split("\\+")).map(String::trim).collect(Collectors.toSet());
        return new TokenEntry(parts[0], parts[1].trim(), roles);
    }
}
