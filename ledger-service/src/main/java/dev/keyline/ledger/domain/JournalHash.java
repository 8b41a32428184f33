package dev.keyline.ledger.domain;

import dev.keyline.schemas.EventTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Chains journal entries per key: each entry's hash is the SHA-256 of the previous entry's hash and the entry's own
 * fields joined by '|', so editing any past entry breaks every later hash of that key.
 */
public final class JournalHash {

    /** The previous hash of a key's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** One digest per thread: {@code MessageDigest.getInstance} looks the algorithm up among the providers. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(JournalHash::sha256);

    private JournalHash() {}

    public static String next(
            String previousHash,
            String keyId,
            String eventId,
            EntryType type,
            String serial,
            long allotmentDelta,
            int committedDelta,
            int consumedDelta,
            Instant occurredAt) {
        String canonical = String.join(
                "|",
                previousHash,
                keyId,
                eventId,
                type.name(),
                serial == null ? "" : serial,
                Long.toString(allotmentDelta),
                Integer.toString(committedDelta),
                Integer.toString(consumedDelta),
                EventTime.format(occurredAt));
        // digest() resets the digest, so the next entry on this thread starts clean.
        byte[] digest = SHA_256.get().digest(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
