package dev.keyline.ledger.service;

import dev.keyline.schemas.keys.KeyRedactor;
import java.util.List;

/** The outcome of one import: counts, each reading, full keys dropped, and rows that could not be read. */
public record ImportResult(
        int recorded,
        int unchanged,
        int unmatched,
        int conflicting,
        int fullKeysDropped,
        List<ImportedReading> readings,
        List<String> problems) {

    public ImportResult {
        problems = problems.stream().map(KeyRedactor::maskForEcho).toList();
    }
}
