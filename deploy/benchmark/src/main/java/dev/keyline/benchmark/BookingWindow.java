package dev.keyline.benchmark;

/**
 * The ledger's booking over one stretch of a run, from one status poll to the last, or why it was not measured.
 *
 * @param fromBooked events already booked at the poll the window starts at
 * @param rate events booked between the two polls, over the time between them; null when not measured
 * @param cpu CPU time used between the two polls, or null when not measured or {@code /proc} could not be read
 * @param unmeasuredReason why the window was not measured, or null when it was
 */
record BookingWindow(long fromBooked, Rate rate, CpuSnapshot cpu, String unmeasuredReason) {

    static BookingWindow measured(long fromBooked, Rate rate, CpuSnapshot cpu) {
        return new BookingWindow(fromBooked, rate, cpu, null);
    }

    static BookingWindow unmeasured(String reason) {
        return new BookingWindow(0, null, null, reason);
    }

    boolean isMeasured() {
        return unmeasuredReason == null;
    }
}
