package dev.keyline.station.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Settings of the station service's rules. */
@ConfigMapping(prefix = "keyline.station")
public interface StationConfig {

    /**
     * Partial keys (last 5 characters) of default manufacturing keys, which let setup finish but cannot activate. A
     * device whose installed key ends in one of them cannot ship, the same as when its report sends {@code defaultKey:
     * true}.
     */
    Optional<List<String>> defaultKeyPartialKeys();

    /**
     * Maximum age of a key's available count, from the ledger's last balance-changed event, that a provisioning is
     * checked against. Older or missing figures let the provisioning through with a warning.
     */
    @WithDefault("10m")
    Duration balanceMaxAge();

    /**
     * How long the first response to a request with an {@code Idempotency-Key} is stored. A resend after that is booked
     * as a new report, so keep it longer than a station may take to send a report again.
     */
    @WithDefault("7d")
    Duration idempotencyRetention();

    /** How often the stored responses older than {@link #idempotencyRetention()} are deleted. */
    @WithDefault("1h")
    Duration idempotencyPruningInterval();

    /**
     * How many large request bodies are read (decoded, masked and parsed) at once, on threads of their own. More
     * requests wait their turn. Reading is CPU work that takes several copies of a body in memory, so the default is
     * the number of processors: 12 answer files of 6 MB read at once ran a 512 MB heap out of memory.
     */
    OptionalInt readingThreads();

    /**
     * How many bytes of large request bodies may wait for a reading thread or be read at once. A large body beyond that
     * gets 503, so that the bodies waiting in the queue cannot run the heap out. Default: an eighth of the maximum
     * heap.
     */
    OptionalLong readingMaxBytes();
}
