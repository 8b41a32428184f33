package dev.keyline.ledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the auditor's reads of the journal. */
@ConfigMapping(prefix = "keyline.ledger.audit")
public interface AuditConfig {

    /**
     * How many journal entries chain verification and the journal export read per query. A key's chain is read in
     * such pages, so a key with millions of entries never sits in memory whole.
     */
    @WithDefault("5000")
    int rowsPerRead();

    /**
     * The maximum number of entries in one journal CSV. The document is built in the ledger's memory, about 250 bytes
     * per entry, so a larger range gets 400 and is exported in parts by {@code from} and {@code to}.
     */
    @WithDefault("200000")
    long maxCsvEntries();
}
