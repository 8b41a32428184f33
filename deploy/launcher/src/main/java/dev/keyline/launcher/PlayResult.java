package dev.keyline.launcher;

/**
 * Counts of the requests sent while playing a scenario, by the services' response.
 *
 * @param keysRegistered keys the ledger registered (201)
 * @param keysAlreadyRegistered keys the ledger already had (409), as on a second run against the same work directory
 * @param reportsSent station reports and steps posted
 * @param reportsAccepted reports the station-service accepted (202)
 * @param reportsRejected reports it rejected with any other status
 * @param artifactsSent station artifacts posted: slmgr output, answer files, event logs and station logs
 * @param artifactsAccepted artifacts the station-service accepted (202)
 * @param artifactsRejected artifacts it rejected with any other status
 * @param acceptedEvents line events the accepted requests produce: one per report plus one per key exposure, plus the
 *     events each accepted artifact's response names
 */
public record PlayResult(
        int keysRegistered,
        int keysAlreadyRegistered,
        int reportsSent,
        int reportsAccepted,
        int reportsRejected,
        int artifactsSent,
        int artifactsAccepted,
        int artifactsRejected,
        long acceptedEvents) {}
