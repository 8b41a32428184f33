package dev.keyline.benchmark;

/**
 * The ledger's booking over one stretch of a run, from one status poll to the last.
 *
 * @param rate events booked between the two polls, over the time between them
 * @param cpu CPU time used between the two polls, or null when {@code /proc} could not be read
 */
record BookingWindow(Rate rate, CpuSnapshot cpu) {}
