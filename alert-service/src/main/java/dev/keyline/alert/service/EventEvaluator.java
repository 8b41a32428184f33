package dev.keyline.alert.service;

import dev.keyline.alert.domain.ActivationUnknownDeviceRule;
import dev.keyline.alert.domain.Evaluation;
import dev.keyline.alert.domain.KeyExposureRule;
import dev.keyline.alert.repository.KeyFactsRepository;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.EventData;
import dev.keyline.schemas.events.KeyExposed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Records what an event tells the rules and returns their evaluations, in the caller's transaction. Event types that
 * no rule watches, such as {@code keyline.device.license-reported.v1}, return none.
 */
@ApplicationScoped
public class EventEvaluator {

    private final BalanceEvaluator balances;
    private final ActivationEvaluator activations;
    private final DeviceEvaluator devices;
    private final KeyFactsRepository keys;

    public EventEvaluator(
            BalanceEvaluator balances,
            ActivationEvaluator activations,
            DeviceEvaluator devices,
            KeyFactsRepository keys) {
        this.balances = balances;
        this.activations = activations;
        this.devices = devices;
        this.keys = keys;
    }

    public Uni<List<Evaluation>> evaluate(CloudEvent<?> event) {
        EventData data = event.data();
        if (data instanceof BalanceChanged balance) {
            return balances.evaluate(event.id(), event.time(), balance);
        }
        if (data instanceof ActivationAttempted attempt) {
            return activations.evaluate(event.id(), event.time(), attempt);
        }
        if (data instanceof DeviceProvisioned provisioned) {
            return devices.onProvisioned(event.id(), event.time(), provisioned);
        }
        if (data instanceof DeviceStepCompleted step) {
            return devices.onStep(event.id(), step);
        }
        if (data instanceof KeyExposed exposure) {
            return keys.findKeyIdByFingerprint(exposure.fingerprint())
                    .map(keyId -> List.of(KeyExposureRule.evaluate(exposure, keyId)));
        }
        if (data instanceof ActivationUnattributed activation) {
            return Uni.createFrom().item(List.of(ActivationUnknownDeviceRule.evaluate(activation)));
        }
        if (data instanceof ActivationMatched matched) {
            return Uni.createFrom().item(List.of(ActivationUnknownDeviceRule.resolve(matched)));
        }
        return Uni.createFrom().item(List.of());
    }
}
