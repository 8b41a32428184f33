package dev.keyline.launcher;

/**
 * One key's balance as the ledger reports it; {@code available} is {@code allotment - consumed - committed}.
 *
 * @param committed provisioned devices that have not activated yet
 * @param consumed activations that used up a count
 */
public record KeyBalance(String keyId, long allotment, long committed, long consumed, long available) {}
