package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertRules;
import dev.keyline.alert.domain.Evaluation;
import dev.keyline.alert.domain.UnclearedKeyRule;
import dev.keyline.alert.repository.DeviceRepository;
import dev.keyline.alert.repository.KeyFactsRepository;
import dev.keyline.alert.repository.LineDeviceRepository;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Records provisionings and manufacturing steps of devices and evaluates the rules they feed. */
@ApplicationScoped
public class DeviceEvaluator {

    private static final Logger LOG = Logger.getLogger(DeviceEvaluator.class);

    static final String GENERALIZED = "generalized";
    static final String KEY_CLEARED = "key-cleared";

    private final AlertRules rules;
    private final KeyFactsRepository keys;
    private final DeviceRepository devices;
    private final LineDeviceRepository lineDevices;

    public DeviceEvaluator(
            AlertRules rules, KeyFactsRepository keys, DeviceRepository devices, LineDeviceRepository lineDevices) {
        this.rules = rules;
        this.keys = keys;
        this.devices = devices;
        this.lineDevices = lineDevices;
    }

    /**
     * Records a provisioning. A late provisioning can bring a line's activations back within its production, so it
     * can resolve {@code consumption-above-production}, but it never counts as one more occurrence of it.
     */
    public Uni<List<Evaluation>> onProvisioned(String eventId, Instant at, DeviceProvisioned provisioned) {
        Uni<String> keyId = provisioned.keyId() != null
                ? keys.rememberKey(provisioned.keyId(), provisioned.partialKey())
                        .replaceWith(provisioned.keyId())
                : keys.findKeyIdByPartialKey(provisioned.partialKey()).map(found -> found.orElse(null));

        return keyId.chain(key -> devices.saveProvisioning(provisioned, key, at).chain(() -> {
            if (key == null) {
                LOG.debugf(
                        "event %s: provisioning of %s names no known key, so it counts toward no line's production",
                        eventId, provisioned.serial());
                return Uni.createFrom().item(List.<Evaluation>of());
            }
            return lineDevices
                    .markProvisioned(key, provisioned.lineId(), provisioned.serial(), at)
                    .chain(() -> lineDevices.counts(
                            key,
                            provisioned.partialKey(),
                            provisioned.lineId(),
                            rules.consumptionAboveProduction().maxListedSerials()))
                    .map(counts -> {
                        Evaluation evaluation =
                                rules.consumptionAboveProduction().evaluate(counts);
                        return evaluation instanceof Evaluation.Resolve ? List.of(evaluation) : List.of();
                    });
        }));
    }

    /** Records a manufacturing step: {@code key-cleared} and {@code generalized} feed the uncleared-key check. */
    public Uni<List<Evaluation>> onStep(String eventId, DeviceStepCompleted step) {
        if (KEY_CLEARED.equals(step.step())) {
            return devices.markKeyCleared(step.serial()).map(updated -> {
                if (updated == 0) {
                    LOG.debugf(
                            "event %s: key-cleared step of %s, a device no provisioning named", eventId, step.serial());
                }
                return List.of(UnclearedKeyRule.onKeyCleared(step));
            });
        }
        if (GENERALIZED.equals(step.step())) {
            return devices.find(step.serial()).map(device -> {
                if (device.isEmpty()) {
                    LOG.debugf(
                            "event %s: generalized step of %s, a device no provisioning named, so its key is unknown",
                            eventId, step.serial());
                    return List.<Evaluation>of();
                }
                return List.of(UnclearedKeyRule.onGeneralized(step, device.get()));
            });
        }
        return Uni.createFrom().item(List.of());
    }
}
