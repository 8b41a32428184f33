package dev.keyline.ledger.rest;

import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.keys.ProductKeys;

/**
 * The rules for an operator's reference (an order, case or ticket number) that becomes part of a journal entry's event
 * id, where it stays for good. Only visible characters and plain spaces are allowed, so two references that look the
 * same are the same text: no control or format characters (zero-width space, byte-order mark, direction overrides),
 * no other kinds of spaces, and no {@code |}, which joins the fields of the hash input.
 */
final class References {

    static final String PATTERN = "(?! )(?:(?!\\|)[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]){1,200}(?<! )";

    static final String MESSAGE = "must be 1 to 200 letters, digits, punctuation marks, symbols or plain spaces,"
            + " without '|' and without a space at either end";

    private References() {}

    /** Rejects a reference that may contain a product key, because the journal would keep the key for good. */
    static void requireNoKey(String reference) {
        if (ProductKeys.hidesKeyInText(reference)) {
            throw ProblemException.invalidField(
                    "reference",
                    "may contain a product key (25 letters and digits in a row once blanks and punctuation are"
                            + " removed), which the journal would keep",
                    "give the order, case or ticket number without the key, or shorten the reference if it has no"
                            + " key");
        }
    }
}
