package dev.keyline.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Waits until the ledger has booked a scenario's events and the alert rules have processed them. The counters are
 * totals over the life of the databases, so the targets are the counts read before playing plus this run's events.
 */
public final class CatchUpWaiter {

    private static final Logger LOG = Logger.getLogger(CatchUpWaiter.class);

    private final Supplier<LedgerStatus> ledgerStatus;
    private final Supplier<AlertStatus> alertStatus;
    private final BooleanSupplier ledgerConsumedAll;
    private final BooleanSupplier alertConsumedAll;
    private final Duration pollInterval;

    /** Counters read before the scenario is played. */
    public record Baseline(LedgerStatus ledger, AlertStatus alert) {}

    public CatchUpWaiter(
            Supplier<LedgerStatus> ledgerStatus, Supplier<AlertStatus> alertStatus, Duration pollInterval) {
        this(ledgerStatus, alertStatus, () -> false, () -> false, pollInterval);
    }

    /**
     * Creates a waiter that also stops waiting for a service whose consumer group has consumed every line event
     * ({@link LineEventProgress}), because events published again under ids booked before never move its counter.
     */
    public CatchUpWaiter(
            Supplier<LedgerStatus> ledgerStatus,
            Supplier<AlertStatus> alertStatus,
            BooleanSupplier ledgerConsumedAll,
            BooleanSupplier alertConsumedAll,
            Duration pollInterval) {
        this.ledgerStatus = ledgerStatus;
        this.alertStatus = alertStatus;
        this.ledgerConsumedAll = ledgerConsumedAll;
        this.alertConsumedAll = alertConsumedAll;
        this.pollInterval = pollInterval;
    }

    public Baseline readBaseline() {
        return new Baseline(ledgerStatus.get(), alertStatus.get());
    }

    /**
     * Polls until the ledger's {@code lineEventsBooked} reaches the baseline plus {@code acceptedEvents}, then until
     * the alert-service's {@code lineEventsProcessed} reaches its baseline plus {@code acceptedEvents} and its {@code
     * ledgerEventsProcessed} reaches the ledger's current {@code ledgerEventsPublished}. A service whose consumer group
     * has consumed every line event counts as caught up with its line events whatever its counter shows.
     *
     * @throws CatchUpTimeoutException naming the counter that lagged, when {@code timeout} passes first
     */
    public void await(Baseline baseline, long acceptedEvents, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long bookedTarget = baseline.ledger().lineEventsBooked() + acceptedEvents;
        long processedTarget = baseline.alert().lineEventsProcessed() + acceptedEvents;

        LedgerStatus ledger = ledgerStatus.get();
        while (ledger.lineEventsBooked() < bookedTarget && !ledgerConsumedAll.getAsBoolean()) {
            checkDeadline(
                    deadline,
                    timeout,
                    "ledger-service lineEventsBooked is " + ledger.lineEventsBooked() + ", expected at least "
                            + bookedTarget + " (deadLettered " + ledger.deadLettered() + ")");
            Thread.sleep(pollInterval.toMillis());
            ledger = ledgerStatus.get();
        }
        LOG.infof("ledger-service booked %d line events", ledger.lineEventsBooked());

        AlertStatus alert = alertStatus.get();
        while (alert.lineEventsProcessed() < processedTarget && !alertConsumedAll.getAsBoolean()
                || alert.ledgerEventsProcessed() < ledger.ledgerEventsPublished()) {
            checkDeadline(deadline, timeout, alertLag(alert, processedTarget, ledger));
            Thread.sleep(pollInterval.toMillis());
            ledger = ledgerStatus.get();
            alert = alertStatus.get();
        }
        LOG.infof(
                "alert-service processed %d line events and %d ledger events",
                alert.lineEventsProcessed(), alert.ledgerEventsProcessed());
    }

    private static String alertLag(AlertStatus alert, long processedTarget, LedgerStatus ledger) {
        if (alert.lineEventsProcessed() < processedTarget) {
            return "alert-service lineEventsProcessed is " + alert.lineEventsProcessed() + ", expected at least "
                    + processedTarget;
        }
        return "alert-service ledgerEventsProcessed is " + alert.ledgerEventsProcessed()
                + ", expected at least the ledger-service's ledgerEventsPublished " + ledger.ledgerEventsPublished();
    }

    private static void checkDeadline(Instant deadline, Duration timeout, String lag) {
        if (!Instant.now().isBefore(deadline)) {
            throw new CatchUpTimeoutException("timed out after " + timeout.toSeconds() + " s: " + lag);
        }
    }
}
