package dev.keyline.platform.problem;

import java.time.Duration;

/**
 * Lets one log line of a kind through per time window and counts the lines it holds back, so that an outage that
 * fails every request writes one WARN line per window instead of one per request.
 */
final class LogWindow {

    private final long windowNanos;
    private boolean started;
    private long windowStart;
    private long heldBack;

    LogWindow(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * Returns -1 when the line at this time falls in the current window and is held back. Otherwise it starts a new
     * window and returns how many lines were held back since the last line let through.
     *
     * @param nowNanos a reading of {@link System#nanoTime()}
     */
    synchronized long admit(long nowNanos) {
        if (started && nowNanos - windowStart < windowNanos) {
            heldBack++;
            return -1;
        }
        started = true;
        windowStart = nowNanos;
        long count = heldBack;
        heldBack = 0;
        return count;
    }
}
