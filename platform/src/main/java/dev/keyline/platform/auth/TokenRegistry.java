package dev.keyline.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks up bearer tokens by their SHA-256, as configured in {@code keyline.auth.tokens}. */
@ApplicationScoped
public class TokenRegistry {

    private final Map<String, TokenEntry> bySha256;

    @Inject
    public TokenRegistry(AuthConfig config) {
        this(config.tokens());
    }

    TokenRegistry(List<String> entries) {
        Map<String, TokenEntry> parsed = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).isBlank() && !"none".equals(entries.get(i))) {
                TokenEntry entry = TokenEntry.parse(entries.get(i), i);
                parsed.put(entry.sha256(), entry);
            }
        }
        this.bySha256 = Map.copyOf(parsed);
    }

    public Optional<TokenEntry> find(String token) {
        return Optional.ofNullable(bySha256.get(sha256(token)));
    }

    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
