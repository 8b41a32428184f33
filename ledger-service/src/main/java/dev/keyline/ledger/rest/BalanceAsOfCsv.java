package dev.keyline.ledger.rest;

import dev.keyline.ledger.service.BalanceAsOf;
import java.util.List;

/** The CSV form of a key's balance as of an instant: a header and one row, with the fields of the JSON in its order. */
final class BalanceAsOfCsv {

    static final String HEADER =
            "key_id,at,allotment,committed,consumed,available,unattributed,journal_entries,chain_head";

    private BalanceAsOfCsv() {}

    static String document(BalanceAsOf balance) {
        String row = String.join(
                ",",
                Csv.field(balance.keyId()),
                balance.at().toString(),
                Long.toString(balance.allotment()),
                Long.toString(balance.committed()),
                Long.toString(balance.consumed()),
                Long.toString(balance.available()),
                Long.toString(balance.unattributed()),
                Integer.toString(balance.journalEntries()),
                Csv.field(balance.chainHead()));
        return Csv.document(HEADER, List.of(row));
    }
}
