package dev.keyline.alert.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The queue of notifications for one delivery target, built so that a failing target cannot cause a retry storm.
 *
 * <ul>
 *   <li>The queue is bounded: offering to a full queue drops the oldest waiting item, and the caller counts and logs
 *       it.
 *   <li>One item is in flight at a time, oldest first.
 *   <li>The back-off is shared by the target: after each failed attempt, of any item, no item is sent before
 *       {@code initialBackoff * 2^(consecutive failures - 1)}, capped at {@code maxBackoff}. A success resets it.
 *   <li>An item is dropped after {@code maxAttempts} failed attempts.
 * </ul>
 *
 * Not thread-safe: the caller serialises access.
 */
public final class DeliveryQueue<T> {

    private final int capacity;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private final Deque<Entry<T>> waiting = new ArrayDeque<>();
    private Entry<T> inFlight;
    private int consecutiveFailures;
    private Instant notBefore = Instant.MIN;

    public DeliveryQueue(int capacity, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (capacity < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("delivery queue capacity and max attempts must be 1 or more, but are "
                    + capacity + " and " + maxAttempts + "; set values >= 1");
        }
        this.capacity = capacity;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Adds an item. When the queue already contains {@code capacity} items, it drops the oldest waiting item, or the new
     * item when the only one left is in flight, and returns the dropped item.
     */
    public Optional<T> offer(T item) {
        if (size() < capacity) {
            waiting.addLast(new Entry<>(item));
            return Optional.empty();
        }
        Entry<T> oldest = waiting.pollFirst();
        if (oldest == null) {
            return Optional.of(item);
        }
        waiting.addLast(new Entry<>(item));
        return Optional.of(oldest.item);
    }

    /**
     * Returns the next item to send at {@code now} and marks it in flight, or empty while an item is in flight, the
     * queue is empty, or the target is backing off.
     */
    public Optional<T> next(Instant now) {
        if (inFlight != null || waiting.isEmpty() || now.isBefore(notBefore)) {
            return Optional.empty();
        }
        inFlight = waiting.pollFirst();
        return Optional.of(inFlight.item);
    }

    /** Records that the item in flight was delivered. */
    public void succeeded() {
        requireInFlight();
        inFlight = null;
        consecutiveFailures = 0;
        notBefore = Instant.MIN;
    }

    /**
     * Records that the item in flight failed at {@code now} and starts the target's back-off. The item goes back to
     * the head of the queue for another attempt, unless this was its last; then it is dropped and returned.
     */
    public Optional<T> failed(Instant now) {
        requireInFlight();
        consecutiveFailures++;
        notBefore = now.plus(backoff());

        Entry<T> entry = inFlight;
        inFlight = null;
        entry.failedAttempts++;
        if (entry.failedAttempts >= maxAttempts) {
            return Optional.of(entry.item);
        }
        waiting.addFirst(entry);
        return Optional.empty();
    }

    /** Returns when the target may be called again, or {@link Instant#MIN} when it is not backing off. */
    public Instant notBefore() {
        return notBefore;
    }

    /** Returns how many attempts of the item at the head of the queue failed so far, or 0 when the queue is empty. */
    public int failedAttemptsOfHead() {
        Entry<T> head = inFlight != null ? inFlight : waiting.peekFirst();
        return head == null ? 0 : head.failedAttempts;
    }

    /** Returns the number of items waiting or in flight. */
    public int size() {
        return waiting.size() + (inFlight == null ? 0 : 1);
    }

    private Duration backoff() {
        Duration delay = initialBackoff;
        for (int i = 1; i < consecutiveFailures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private void requireInFlight() {
        if (inFlight == null) {
            throw new IllegalStateException("no item is in flight; call next() before reporting its outcome");
        }
    }

    private static final class Entry<T> {

        private final T item;
        private int failedAttempts;

        private Entry(T item) {
            this.item = item;
        }
    }
}
