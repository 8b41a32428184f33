package dev.keyline.ledger.service;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.provisioned;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.domain.DeviceStatus;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.LineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchLedgerTest {

    private static final Instant GRANTED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void repeatKeepsTimeOfLastChange() throws Exception {
        BatchLedger ledger = new BatchLedger(new KeyDirectory(List.of(key())), Map.of());
        CloudEvent<LineEvent> provisioning = provisioned("R-1", "KEY-R", "R0KEY");
        CloudEvent<LineEvent> success = activation("R-1", "KEY-R", "R0KEY", "success");
        CloudEvent<LineEvent> laterRepeat = at(activation("R-1", "KEY-R", "R0KEY", "success"), RECEIVED);

        for (CloudEvent<LineEvent> event : List.of(provisioning, success, laterRepeat)) {
            ledger.book(event, event.data());
        }

        List<OutboxMessage> outgoing = ledger.outgoing(new LedgerEvents(new EventCodec()));
        assertThat(outgoing).hasSize(1);
        JsonNode balance = new ObjectMapper().readTree(outgoing.get(0).payload());
        assertThat(balance.path("time").asText()).isEqualTo(success.time().toString());
        assertThat(balance.path("data").path("causeEventId").asText()).isEqualTo(success.id());
        assertThat(balance.path("data").path("consumed").asLong()).isEqualTo(1);
    }

    @Test
    void devicesSplitIntoAddedAndStored() {
        BatchLedger first = new BatchLedger(new KeyDirectory(List.of(key())), Map.of());
        CloudEvent<LineEvent> provisioning = provisioned("S-1", "KEY-R", "R0KEY");
        first.book(provisioning, provisioning.data());
        BatchLedger second = new BatchLedger(
                new KeyDirectory(List.of(first.touchedKeys().get(0))),
                Map.of("S-1", first.changedDevices().iterator().next()));
        CloudEvent<LineEvent> storedActivates = activation("S-1", "KEY-R", "R0KEY", "success");
        CloudEvent<LineEvent> newProvisioned = provisioned("S-2", "KEY-R", "R0KEY");
        CloudEvent<LineEvent> newActivates = activation("S-2", "KEY-R", "R0KEY", "success");

        for (CloudEvent<LineEvent> event : List.of(storedActivates, newProvisioned, newActivates)) {
            second.book(event, event.data());
        }

        assertThat(first.addedDevices()).extracting(DeviceState::serial).containsExactly("S-1");
        assertThat(first.storedDevicesChanged()).isEmpty();
        assertThat(second.addedDevices()).singleElement().satisfies(device -> {
            assertThat(device.serial()).isEqualTo("S-2");
            assertThat(device.status()).isEqualTo(DeviceStatus.ACTIVATED);
        });
        assertThat(second.storedDevicesChanged()).singleElement().satisfies(device -> {
            assertThat(device.serial()).isEqualTo("S-1");
            assertThat(device.successfulActivations()).isEqualTo(1);
        });
    }

    @Test
    void repeatedProvisioningNamedAsCause() throws Exception {
        BatchLedger first = new BatchLedger(new KeyDirectory(List.of(key())), Map.of());
        CloudEvent<LineEvent> provisioning = provisioned("P-1", "KEY-R", "R0KEY");
        first.book(provisioning, provisioning.data());
        ProductKeyEntity afterFirst = first.touchedKeys().get(0);
        BatchLedger second = new BatchLedger(
                new KeyDirectory(List.of(afterFirst)),
                Map.of("P-1", first.changedDevices().iterator().next()));
        CloudEvent<LineEvent> otherDevice = provisioned("P-2", "KEY-R", "R0KEY");
        CloudEvent<LineEvent> again = at(provisioned("P-1", "KEY-R", "R0KEY"), RECEIVED);

        second.book(otherDevice, otherDevice.data());
        second.book(again, again.data());

        List<OutboxMessage> outgoing = second.outgoing(new LedgerEvents(new EventCodec()));
        assertThat(outgoing).hasSize(1);
        JsonNode balance = new ObjectMapper().readTree(outgoing.get(0).payload());
        assertThat(balance.path("data").path("causeEventId").asText()).isEqualTo(again.id());
        assertThat(balance.path("time").asText())
                .as("the time of the last change")
                .isEqualTo(otherDevice.time().toString());
        assertThat(balance.path("data").path("committed").asLong()).isEqualTo(2);
        assertThat(second.journal()).extracting(NewJournalEntry::serial).containsExactly("P-2");
    }

    @Test
    void unchangedKeyGetsBalanceForProvisioning() throws Exception {
        BatchLedger first = new BatchLedger(new KeyDirectory(List.of(key())), Map.of());
        CloudEvent<LineEvent> provisioning = provisioned("Q-1", "KEY-R", "R0KEY");
        first.book(provisioning, provisioning.data());
        BatchLedger second = new BatchLedger(
                new KeyDirectory(List.of(first.touchedKeys().get(0))),
                Map.of("Q-1", first.changedDevices().iterator().next()));
        CloudEvent<LineEvent> again = provisioned("Q-1", "KEY-R", "R0KEY");

        second.book(again, again.data());

        assertThat(second.journal()).isEmpty();
        List<OutboxMessage> outgoing = second.outgoing(new LedgerEvents(new EventCodec()));
        assertThat(outgoing).hasSize(1);
        JsonNode balance = new ObjectMapper().readTree(outgoing.get(0).payload());
        assertThat(balance.path("data").path("causeEventId").asText()).isEqualTo(again.id());
        assertThat(balance.path("data").path("committed").asLong()).isEqualTo(1);
    }

    @Test
    void otherPartialKeyBooksThatKey() {
        ProductKeyEntity other = key();
        other.keyId = "KEY-S";
        other.partialKey = "S0KEY";
        BatchLedger ledger = new BatchLedger(new KeyDirectory(List.of(key(), other)), Map.of());
        CloudEvent<LineEvent> provisioning = provisioned("S-1", "KEY-R", "S0KEY");
        CloudEvent<LineEvent> success = activation("S-1", "KEY-R", "S0KEY", "success");

        ledger.book(provisioning, provisioning.data());
        ledger.book(success, success.data());

        assertThat(ledger.touchedKeys()).extracting(key -> key.keyId).containsExactly("KEY-S");
        assertThat(ledger.touchedKeys().get(0).consumed).isEqualTo(1);
        assertThat(ledger.touchedKeys().get(0).committed).isZero();
        assertThat(ledger.changedDevices()).singleElement().satisfies(device -> {
            assertThat(device.keyId()).isEqualTo("KEY-S");
            assertThat(device.partialKey()).isEqualTo("S0KEY");
        });
    }

    private static CloudEvent<LineEvent> at(CloudEvent<LineEvent> event, Instant time) {
        return new CloudEvent<>(event.id(), event.source(), event.type(), event.subject(), time, event.data());
    }

    private static ProductKeyEntity key() {
        ProductKeyEntity key = new ProductKeyEntity();
        key.keyId = "KEY-R";
        key.fingerprint = "f".repeat(64);
        key.partialKey = "R0KEY";
        key.allotment = 10;
        key.chainHead = "0".repeat(64);
        key.registeredAt = GRANTED;
        return key;
    }
}
