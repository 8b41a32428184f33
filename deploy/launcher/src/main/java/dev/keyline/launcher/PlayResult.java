package dev.keyline.launcher;

/**
 * Counts of the requests sent while playing a scenario, by the services' response.
 *
 * @param keysRegistered keys the ledger registered (201)
 * @param keysAlreadyRegistered keys the ledger already had (409), as on a second run against the same work directory
 * @param reportsSent station reports posted
 * @param reportsAccepted reports the station-service accepted (202)
 * @param reportsRejected reports it rejected with any other status
 * @param acceptedEvents line events the accepted reports produce: one per report plus one per key exposure
 */
public record PlayResult(
        int keysRegistered,
        int keysAlreadyRegistered,
        int reportsSent,
        int reportsAccepted,
        int reportsRejected,
        long acceptedEvents) {}
