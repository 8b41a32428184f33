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

    /**
     * One visible character: a letter, mark, digit, punctuation mark, symbol or plain space. Characters that show
     * nothing are excluded: the combining grapheme joiner U+034F, the variation selectors, the Hangul fillers (U+115F,
     * U+1160, U+3164, U+FFA0), the Khmer inherent vowels U+17B4 and U+17B5, and the blank braille pattern U+2800.
     */
    private static final String VISIBLE = "(?![\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180D\\u2800\\u3164"
            + "\\uFE00-\\uFE0F\\uFFA0\\x{E0100}-\\x{E01EF}])[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]";

    /** A reference: 1 to 200 visible characters without {@code |}, no space at either end and no mark first. */
    static final String PATTERN = "(?! )(?!\\p{M})(?:(?!\\|)" + VISIBLE + "){1,200}(?<! )";

    static final String MESSAGE = "must be 1 to 200 letters, digits, punctuation marks, symbols or plain spaces,"
            + " without '|' and without a space at either end";

    /** A reason kept as text (a retirement's or a scrap's): visible text as a reference, {@code |} allowed. */
    static final String REASON_PATTERN = "(?! )(?!\\p{M})" + VISIBLE + "{1,200}(?<! )";

    static final String REASON_MESSAGE = "must be 1 to 200 letters, digits, punctuation marks, symbols or plain spaces,"
            + " without a space at either end";

    private References() {}

    /**
     * Rejects a reason whose product key masking missed, such as a key without dashes glued to other text, because
     * the reason is kept for good. {@code masked} is the reason after {@code KeyRedactor.maskForEcho}.
     */
    static void requireNoKeyLeft(String field, String masked) {
        if (ProductKeys.hidesKeyInText(masked)) {
            throw ProblemException.invalidField(
                    field,
                    "may contain a product key (a run of 25 of the letters and digits product keys use), which would"
                            + " be kept",
                    "write the reason without the key, or with blanks in long runs of letters and digits");
        }
    }

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
