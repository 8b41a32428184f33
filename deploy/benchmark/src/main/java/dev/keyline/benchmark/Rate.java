package dev.keyline.benchmark;

import java.time.Duration;

/** A count of items handled in a measured time. */
record Rate(long items, Duration elapsed) {

    static Rate since(long items, long startNanos) {
        return new Rate(items, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    double perSecond() {
        return elapsed.isZero() ? 0 : items * 1e9 / elapsed.toNanos();
    }

    @Override
    public String toString() {
        return String.format("%,d in %.1f s = %,.0f/s", items, elapsed.toMillis() / 1000.0, perSecond());
    }
}
