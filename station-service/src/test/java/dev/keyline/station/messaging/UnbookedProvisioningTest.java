package dev.keyline.station.messaging;

import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.postProvisioned;
import static dev.keyline.station.support.StationCalls.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.station.support.LedgerEvents;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Provisionings that the ledger has not booked yet count against the key: the station checks a provisioning against
 * the key's last balance minus the provisionings it accepted after the event that balance booked through.
 */
@QuarkusTest
class UnbookedProvisioningTest {

    private static final String FINGERPRINT = "cd".repeat(32);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void acceptedProvisioningsCountUntilBooked() throws Exception {
        LedgerEvents.publishAndAwait(balance("KEY-LAG", 2, 0, "registration:KEY-LAG", 1));

        Response first = provision("KEY-LAG");
        Response second = provision("KEY-LAG");
        Response third = provision("KEY-LAG");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-unavailable");
        assertThat(third.jsonPath().getString("detail"))
                .contains("available 2 = allotment 2 - consumed 0 - committed 0, and 2 devices provisioned with it"
                        + " since are not in that balance yet");
        assertThat(third.jsonPath().getString("errors[0].message"))
                .isEqualTo("names key KEY-LAG, which has 0 activations available");

        // The ledger books the first provisioning.
        LedgerEvents.publishAndAwait(balance("KEY-LAG", 2, 1, first.jsonPath().getString("eventId"), 2));
        Response afterFirstBooked = provision("KEY-LAG");

        assertThat(afterFirstBooked.statusCode()).isEqualTo(409);
        assertThat(afterFirstBooked.jsonPath().getString("detail"))
                .contains("available 1 = allotment 2 - consumed 0 - committed 1, and 1 device provisioned with it"
                        + " since is not in that balance yet");

        // The ledger books the second one.
        String secondEventId = second.jsonPath().getString("eventId");
        LedgerEvents.publishAndAwait(balance("KEY-LAG", 2, 2, secondEventId, 3));
        Response afterBothBooked = provision("KEY-LAG");

        assertThat(afterBothBooked.statusCode()).isEqualTo(409);
        assertThat(afterBothBooked.jsonPath().getString("detail"))
                .contains("available 0 = allotment 2 - consumed 0 - committed 2, as received from the ledger");
        long secondSeq = outboxSeq(secondEventId);
        assertThat(bookedThrough("KEY-LAG")).isEqualTo(secondSeq);

        // An operator tops the key up by one. The top-up names no line event, so the position stays.
        LedgerEvents.publishAndAwait(balance("KEY-LAG", 3, 2, "top-up:KEY-LAG:1", 4));
        Response afterTopUp = provision("KEY-LAG");
        Response beyondTopUp = provision("KEY-LAG");

        assertThat(bookedThrough("KEY-LAG")).isEqualTo(secondSeq);
        assertThat(afterTopUp.statusCode()).isEqualTo(202);
        assertThat(beyondTopUp.statusCode()).isEqualTo(409);
        assertThat(beyondTopUp.jsonPath().getString("detail"))
                .contains("available 1 = allotment 3 - consumed 0 - committed 2, and 1 device provisioned with it"
                        + " since is not in that balance yet");
    }

    @Test
    void deviceProvisionedTwiceCountsOnce() throws Exception {
        LedgerEvents.publishAndAwait(balance("KEY-TWICE", 2, 0, "registration:KEY-TWICE", 1));
        String serial = newSerial("SN-LAG");

        Response first = postProvisioned(provisioned(serial, "KEY-TWICE", "L4GKY", false));
        Response again = postProvisioned(provisioned(serial, "KEY-TWICE", "L4GKY", false));
        Response other = provision("KEY-TWICE");
        Response beyond = provision("KEY-TWICE");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(202);
        assertThat(beyond.statusCode()).isEqualTo(409);
        assertThat(beyond.jsonPath().getString("detail"))
                .contains("available 2 = allotment 2 - consumed 0 - committed 0, and 2 devices provisioned with it"
                        + " since are not in that balance yet");

        // The ledger books all three, committing the twice-provisioned device once, and names the last as the cause.
        LedgerEvents.publishAndAwait(balance("KEY-TWICE", 2, 2, other.jsonPath().getString("eventId"), 2));

        assertThat(bookedThrough("KEY-TWICE"))
                .isEqualTo(outboxSeq(other.jsonPath().getString("eventId")));
        Response afterBooking = provision("KEY-TWICE");
        assertThat(afterBooking.statusCode()).isEqualTo(409);
        assertThat(afterBooking.jsonPath().getString("detail"))
                .contains("available 0 = allotment 2 - consumed 0 - committed 2, as received from the ledger");
    }

    @Test
    void deviceNotCountedAgainstItself() throws Exception {
        LedgerEvents.publishAndAwait(balance("KEY-SELF", 1, 0, "registration:KEY-SELF", 1));
        String serial = newSerial("SN-LAG");

        Response first = postProvisioned(provisioned(serial, "KEY-SELF", "L4GKY", false));
        Response again = postProvisioned(provisioned(serial, "KEY-SELF", "L4GKY", false));
        Response other = provision("KEY-SELF");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(409);
    }

    @Test
    void concurrentProvisioningsTakeTurns() throws Exception {
        LedgerEvents.publishAndAwait(balance("KEY-RACE", 2, 0, "registration:KEY-RACE", 1));
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(() -> provision("KEY-RACE").statusCode());
        }

        List<Integer> statuses = sendAtOnce(requests, 6);

        assertThat(statuses).containsExactlyInAnyOrder(202, 202, 409, 409, 409, 409);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE key_id = 'KEY-RACE'"))
                .isEqualTo(2);
    }

    @Test
    void oppositeKeyOrdersBothStored() throws Exception {
        LedgerEvents.publishAndAwait(balance("KEY-ORDER-A", 100, 0, "registration:KEY-ORDER-A", 1));
        LedgerEvents.publishAndAwait(balance("KEY-ORDER-B", 100, 0, "registration:KEY-ORDER-B", 1));
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            requests.add(() -> postBulk("KEY-ORDER-A", "KEY-ORDER-B").statusCode());
            requests.add(() -> postBulk("KEY-ORDER-B", "KEY-ORDER-A").statusCode());
        }

        List<Integer> statuses = sendAtOnce(requests, 2);

        assertThat(statuses).hasSize(20).containsOnly(202);
        assertThat(TestDatabase.queryLong(
                        "SELECT count(*) FROM reports WHERE key_id IN ('KEY-ORDER-A', 'KEY-ORDER-B')"))
                .isEqualTo(40);
    }

    /** Runs the requests on {@code threads} threads at once and returns their statuses in list order. */
    private static List<Integer> sendAtOnce(List<Callable<Integer>> requests, int threads) throws Exception {
        ExecutorService stations = Executors.newFixedThreadPool(threads);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : stations.invokeAll(requests)) {
                statuses.add(status.get());
            }
        } finally {
            stations.shutdownNow();
        }
        return statuses;
    }

    private static Response postBulk(String firstKey, String secondKey) {
        ArrayNode items = MAPPER.createArrayNode();
        items.add(provisioned(newSerial("SN-ORDER"), firstKey, "L4GKY", false).put("kind", "device-provisioned"));
        items.add(provisioned(newSerial("SN-ORDER"), secondKey, "L4GKY", false).put("kind", "device-provisioned"));
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(items.toString())
                .post("/api/v1/reports/bulk");
    }

    private static Response provision(String keyId) {
        return postProvisioned(provisioned(newSerial("SN-LAG"), keyId, "L4GKY", false));
    }

    private static long outboxSeq(String eventId) throws SQLException {
        return TestDatabase.queryLong("SELECT seq FROM outbox WHERE headers::jsonb ->> 'ce_id' = '" + eventId + "'");
    }

    private static long bookedThrough(String keyId) throws SQLException {
        return TestDatabase.queryLong("SELECT booked_through_seq FROM key_balances WHERE key_id = '" + keyId + "'");
    }

    private static BalanceChanged balance(
            String keyId, long allotment, long committed, String causeEventId, long version) {
        return new BalanceChanged(
                keyId,
                "L4GKY",
                allotment,
                committed,
                0,
                allotment - committed,
                causeEventId,
                "active",
                0L,
                FINGERPRINT,
                null,
                null,
                version);
    }
}
