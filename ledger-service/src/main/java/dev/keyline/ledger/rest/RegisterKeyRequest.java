package dev.keyline.ledger.rest;

import dev.keyline.schemas.PathIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * A key to register. {@code productKey} is read once to derive the fingerprint and partial key and is never stored,
 * logged or returned; {@link #toString()} leaves it out. {@code grantedAt} is when Microsoft granted the allotment
 * (default: now); it is the time of the key's first journal entry, so registering a key again with the same values
 * after a database rebuild gives the same journal chain.
 */
public record RegisterKeyRequest(
        @NotBlank
                @Pattern(
                        regexp = PathIds.PATTERN,
                        message = "must be 1 to 64 letters, digits, '.', '_' or '-', not dots alone, because it goes"
                                + " into the key's URLs")
                String keyId,
        @NotBlank
                @Pattern(
                        regexp = "\\s*(([A-Za-z0-9]{5}-){4}[A-Za-z0-9]{5}|[A-Za-z0-9]{25})\\s*",
                        message = "must be a 5x5 product key: five groups of five letters and digits, with or without"
                                + " the dashes between them")
                String productKey,
        @NotNull
                @Min(value = 1, message = "must be at least 1")
                @Max(value = 100_000_000, message = "must be at most 100000000")
                Long allotment,
        Instant grantedAt) {

    @Override
    public String toString() {
        return "RegisterKeyRequest[keyId=" + keyId + ", allotment=" + allotment + ", grantedAt=" + grantedAt + "]";
    }
}
