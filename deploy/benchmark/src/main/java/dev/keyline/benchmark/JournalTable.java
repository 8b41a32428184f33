package dev.keyline.benchmark;

/**
 * The DDL of a table shaped like the ledger's {@code journal}: its columns, primary key and both indexes, as
 * migrations V1 to V5 leave them. The raw insert measurements write into such tables.
 */
final class JournalTable {

    /** The columns a measurement writes; {@code seq} and {@code booked_at} take their defaults. */
    static final String COLUMNS = "key_id, event_id, entry_type, serial, allotment_delta, committed_delta,"
            + " consumed_delta, occurred_at, prev_hash, hash";

    /** A stand-in for a SHA-256 hash in hex. */
    static final String HASH = "a".repeat(64);

    private JournalTable() {}

    /** Returns the statements that create the table {@code name} and its indexes. */
    static String create(String name) {
        return """
                CREATE TABLE %1$s (
                    seq             BIGSERIAL PRIMARY KEY,
                    key_id          TEXT        COLLATE "C" NOT NULL,
                    event_id        TEXT        COLLATE "C" NOT NULL,
                    entry_type      TEXT        NOT NULL,
                    serial          TEXT        COLLATE "C",
                    allotment_delta BIGINT      NOT NULL,
                    committed_delta INT         NOT NULL,
                    consumed_delta  INT         NOT NULL,
                    occurred_at     TIMESTAMPTZ NOT NULL,
                    prev_hash       CHAR(64)    NOT NULL,
                    hash            CHAR(64)    NOT NULL,
                    booked_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
                );
                CREATE INDEX %1$s_key_seq ON %1$s (key_id, seq);
                CREATE INDEX %1$s_key_booked_at ON %1$s (key_id, booked_at);
                """
                .formatted(name);
    }
}
