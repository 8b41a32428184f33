package dev.keyline.benchmark;

import java.time.Duration;

/**
 * Figures of the ledger's measured run.
 *
 * @param booked events booked when the measurement ended
 * @param complete whether every produced event was booked before the timeout
 * @param startup from starting the process until {@code /q/health/ready} returned 200
 * @param fromReady booked events over the time from ready until the last poll
 * @param cold from the first poll that saw a booked event to the last poll: a freshly started JVM, including the
 *     time its JIT compilers spend on the code
 * @param warm from the first poll that saw the warm-up events booked to the last poll
 * @param peakRssKib the highest {@code VmRSS} seen in the polls, in KiB
 * @param endRssKib the {@code VmRSS} at the last poll, in KiB
 */
record BookingResult(
        long booked,
        boolean complete,
        Duration startup,
        Rate fromReady,
        BookingWindow cold,
        BookingWindow warm,
        long peakRssKib,
        long endRssKib) {}
