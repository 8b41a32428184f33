package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a provisioning may use a key, from the key's last balance the ledger published. A balance with
 * nothing available, once this service's unbooked provisionings are counted, rejects it however old the balance is. The
 * ledger publishes a new balance for every change that adds activations (a top-up, a released commitment), so an old
 * balance of an idle key is still its balance. Missing or ambiguous figures let it through with a warning, because the
 * ledger books the provisioning either way and a stopped ledger must not stop the line. Old figures with activations
 * left and state active let it through with a warning too.
 */
public final class Availability {

    /** Key states in which no new device may be provisioned with the key. */
    private static final Set<String> UNUSABLE_STATES = Set.of("exhausted", "blocked", "retired");

    private Availability() {}

    /** The figures of one key's last published balance, and when this service received them. */
    public record Balance(
            String keyId,
            String partialKey,
            long allotment,
            long committed,
            long consumed,
            long available,
            String state,
            Instant receivedAt) {}

    /** The outcome: a rejection problem, or the warnings to send with the accepted provisioning. */
    public record Verdict(Optional<Problem> rejection, List<String> warnings) {

        static Verdict accept(String warning) {
            return new Verdict(Optional.empty(), List.of(warning));
        }

        static Verdict accept() {
            return new Verdict(Optional.empty(), List.of());
        }
    }

    /**
     * Checks a provisioning of the key named by {@code keyName} (its key id, else its partial key) against the
     * balances that match it: none, one, or several when only a partial key was sent and it is shared. {@code keyField}
     * is the report member that named the key, for the rejection's error.
     */
    public static Verdict check(String keyName, String keyField, List<Balance> matches, Instant now, Duration maxAge) {
        return check(keyName, keyField, matches, now, maxAge, 0);
    }

    /**
     * Checks as {@link #check(String, String, List, Instant, Duration)} does, with {@code unbooked} devices provisioned
     * with the one matching key that its balance does not count yet: accepted after the event the ledger booked the
     * balance through, including earlier items of the same request.
     */
    public static Verdict check(
            String keyName, String keyField, List<Balance> matches, Instant now, Duration maxAge, long unbooked) {
        if (matches.isEmpty()) {
            return Verdict.accept(
                    "no balance has been published for key " + keyName + ", so its available count was not checked");
        }
        if (matches.size() > 1) {
            return Verdict.accept("partial key " + keyName + " matches " + matches.size()
                    + " registered keys, so the available count was not checked; send keyId to have it checked");
        }
        Balance balance = matches.get(0);
        if (balance.available() - unbooked <= 0) {
            return new Verdict(Optional.of(unavailable(balance, keyField, unbooked)), List.of());
        }
        if (UNUSABLE_STATES.contains(balance.state())) {
            return new Verdict(Optional.of(unusable(balance, keyField)), List.of());
        }
        Duration age = Duration.between(balance.receivedAt(), now);
        if (age.compareTo(maxAge) > 0) {
            return Verdict.accept("the available count of key " + balance.keyId() + " (" + balance.available()
                    + ") was received from the ledger at " + balance.receivedAt() + ", " + age.toMinutes()
                    + " minutes ago, which is older than " + maxAge.toMinutes()
                    + " minutes, so the ledger may have booked changes since that this check does not know of");
        }
        return Verdict.accept();
    }

    /**
     * Returns a 409 problem for a key that has activations left on paper but cannot be used: Microsoft refused an
     * activation with it as exhausted or blocked, or an operator retired it.
     */
    private static Problem unusable(Balance balance, String keyField) {
        String reason = "retired".equals(balance.state())
                ? "an operator retired it"
                : "Microsoft refused an activation with it as " + balance.state();
        return Problem.of(
                409,
                "key-unavailable",
                "Key cannot be used",
                "key " + balance.keyId() + " ending in " + balance.partialKey() + " is " + balance.state() + ": "
                        + reason
                        + ", as received from the ledger at " + balance.receivedAt() + ", although the ledger counts "
                        + balance.available() + " activations available. A device provisioned with it may not"
                        + " activate. Switch the station to another key, or ask operations to check " + balance.keyId(),
                List.of(new FieldError(
                        keyField,
                        "names key " + balance.keyId() + ", which is " + balance.state(),
                        "install a key in state active and report it, or ask operations to check " + balance.keyId())));
    }

    /**
     * Returns a 409 problem when a report names a key id and a partial key that do not belong together: the ledger
     * published {@code keyId} with another partial key. Either the station installed another key than it reports, or
     * it names the wrong key id. Booking such a report would count the device against a key it may not have.
     */
    public static Optional<Problem> keyMismatch(String keyId, String reportedPartialKey, List<Balance> matches) {
        if (keyId == null || reportedPartialKey == null || matches.size() != 1) {
            return Optional.empty();
        }
        Balance balance = matches.get(0);
        if (balance.partialKey().equalsIgnoreCase(reportedPartialKey)) {
            return Optional.empty();
        }

        String reported = reportedPartialKey.toUpperCase(Locale.ROOT);
        return Optional.of(Problem.of(
                409,
                "key-mismatch",
                "Key id and partial key disagree",
                "key " + keyId + " ends in " + balance.partialKey() + ", but the report's partialKey is " + reported
                        + "; the device has another key than the report names, or the station names the wrong key"
                        + " id. Nothing was booked",
                List.of(
                        new FieldError(
                                "/partialKey",
                                "is " + reported + ", but key " + keyId + " ends in " + balance.partialKey(),
                                "read the partial key of the installed key with slmgr /dli and send the key id"
                                        + " that has it"),
                        new FieldError(
                                "/keyId",
                                "names a key ending in " + balance.partialKey(),
                                "send the key id of the key that is installed on the device"))));
    }

    private static String unbookedText(long unbooked) {
        if (unbooked == 0) {
            return "";
        }
        if (unbooked == 1) {
            return ", and 1 device provisioned with it since is not in that balance yet";
        }
        return ", and " + unbooked + " devices provisioned with it since are not in that balance yet";
    }

    private static Problem unavailable(Balance balance, String keyField, long unbooked) {
        String state = balance.state() == null ? "" : " (state " + balance.state() + ")";
        String figures = "available " + balance.available() + " = allotment " + balance.allotment() + " - consumed "
                + balance.consumed() + " - committed " + balance.committed()
                + unbookedText(unbooked);
        return Problem.of(
                409,
                "key-unavailable",
                "Key has no activations available",
                "key " + balance.keyId() + " ending in " + balance.partialKey() + state + " has no activations"
                        + " available: " + figures + ", as received from the ledger at " + balance.receivedAt()
                        + "; a device provisioned with it could not activate. Switch the station to another key, or"
                        + " ask operations to top up " + balance.keyId(),
                List.of(new FieldError(
                        keyField,
                        "names key " + balance.keyId() + ", which has " + (balance.available() - unbooked)
                                + " activations available",
                        "install a key with activations available and report it, or top up " + balance.keyId())));
    }
}
