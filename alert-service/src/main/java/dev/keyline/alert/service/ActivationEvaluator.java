package dev.keyline.alert.service;

import dev.keyline.alert.domain.ActivationFailureSpikeRule;
import dev.keyline.alert.domain.ActivationResults;
import dev.keyline.alert.domain.AlertRules;
import dev.keyline.alert.domain.Evaluation;
import dev.keyline.alert.domain.ExhaustionMark;
import dev.keyline.alert.domain.FailureCounts;
import dev.keyline.alert.repository.ActivationAttemptRepository;
import dev.keyline.alert.repository.DeviceRepository;
import dev.keyline.alert.repository.KeyFactsRepository;
import dev.keyline.alert.repository.KeyFactsRow;
import dev.keyline.alert.repository.LineDeviceRepository;
import dev.keyline.schemas.events.ActivationAttempted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records an activation attempt and evaluates the rules that watch attempts, in the caller's transaction: key-level
 * failures, repeat activations, consumption above production and failure spikes.
 */
@ApplicationScoped
public class ActivationEvaluator {

    private static final Logger LOG = Logger.getLogger(ActivationEvaluator.class);

    private final AlertRules rules;
    private final KeyFactsRepository keys;
    private final DeviceRepository devices;
    private final LineDeviceRepository lineDevices;
    private final ActivationAttemptRepository attempts;

    public ActivationEvaluator(
            AlertRules rules,
            KeyFactsRepository keys,
            DeviceRepository devices,
            LineDeviceRepository lineDevices,
            ActivationAttemptRepository attempts) {
        this.rules = rules;
        this.keys = keys;
        this.devices = devices;
        this.lineDevices = lineDevices;
        this.attempts = attempts;
    }

    public Uni<List<Evaluation>> evaluate(String eventId, Instant at, ActivationAttempted attempt) {
        return attribute(attempt).chain(key -> {
            LOG.debugf(
                    "event %s: activation of %s attributed to key %s (partial key %s)",
                    eventId, attempt.serial(), key.keyId(), key.partialKey());
            List<Evaluation> evaluations = new ArrayList<>();

            return attempts.append(eventId, attempt, key.keyId(), at)
                    .chain(() -> keyLevel(attempt, key))
                    .invoke(evaluations::addAll)
                    .chain(() -> attempt.succeeded() ? success(eventId, at, attempt, key) : none())
                    .invoke(evaluations::addAll)
                    .chain(() -> spikes(at, attempt))
                    .invoke(evaluations::addAll)
                    .replaceWith(evaluations);
        });
    }

    /**
     * Attributes the attempt to a key: the key id it names, else the key its device was provisioned with (when the
     * partial keys agree), else the one known key with its partial key.
     */
    private Uni<KeyAttribution> attribute(ActivationAttempted attempt) {
        if (attempt.keyId() != null) {
            return withPartialKey(attempt.keyId(), attempt.partialKey());
        }
        return devices.find(attempt.serial()).chain(device -> {
            boolean sameKey = device.isPresent()
                    && device.get().keyId() != null
                    && (attempt.partialKey() == null
                            || attempt.partialKey().equals(device.get().partialKey()));
            if (sameKey) {
                return withPartialKey(device.get().keyId(), attempt.partialKey());
            }
            if (attempt.partialKey() == null) {
                return Uni.createFrom().item(new KeyAttribution(null, null));
            }
            return keys.findKeyIdByPartialKey(attempt.partialKey())
                    .map(keyId -> new KeyAttribution(keyId.orElse(null), attempt.partialKey()));
        });
    }

    // Key-level alerts carry the partial key from the ledger's balances, so they keep one identity per key.
    private Uni<KeyAttribution> withPartialKey(String keyId, String reported) {
        return keys.find(keyId)
                .map(facts -> new KeyAttribution(
                        keyId,
                        facts.map(KeyFactsRow::partialKey)
                                .filter(p -> p != null)
                                .orElse(reported)));
    }

    private Uni<List<Evaluation>> keyLevel(ActivationAttempted attempt, KeyAttribution key) {
        if (attempt.succeeded() || !key.known()) {
            return none();
        }
        List<Evaluation> evaluations = rules.onFailedActivation(key.keyId(), key.partialKey(), attempt);
        if (!ActivationResults.EXHAUSTED.contains(attempt.result()) || key.keyId() == null) {
            return Uni.createFrom().item(evaluations);
        }
        return keys.find(key.keyId()).chain(facts -> {
            ExhaustionMark mark = ExhaustionMark.afterFailure(
                    facts.flatMap(KeyFactsRow::exhaustionMark),
                    facts.map(KeyFactsRow::allotment).orElse(null),
                    attempt);
            return keys.saveMark(key.keyId(), key.partialKey(), mark).replaceWith(evaluations);
        });
    }

    private Uni<List<Evaluation>> success(String eventId, Instant at, ActivationAttempted attempt, KeyAttribution key) {
        List<Evaluation> evaluations = new ArrayList<>();
        Instant repeatFrom = at.minus(rules.repeatActivation().window());
        Uni<Void> repeats = attempts.successes(attempt.serial(), repeatFrom, at)
                .chain(inWindow -> attempts.previousSuccess(attempt.serial(), eventId, at)
                        .map(previous -> rules.repeatActivation().evaluate(attempt, key.keyId(), inWindow, previous)))
                .invoke(evaluations::addAll)
                .replaceWithVoid();
        if (key.keyId() == null) {
            LOG.debugf(
                    "event %s: activation of %s names no known key, so it counts toward no line's consumption",
                    eventId, attempt.serial());
            return repeats.replaceWith(evaluations);
        }

        return repeats.chain(() -> lineDevices.markActivated(key.keyId(), attempt.lineId(), attempt.serial(), at))
                .chain(() -> lineDevices.counts(
                        key.keyId(),
                        key.partialKey(),
                        attempt.lineId(),
                        rules.consumptionAboveProduction().maxListedSerials()))
                .map(counts -> {
                    evaluations.add(rules.consumptionAboveProduction().evaluate(counts));
                    return evaluations;
                });
    }

    private Uni<List<Evaluation>> spikes(Instant at, ActivationAttempted attempt) {
        ActivationFailureSpikeRule rule = rules.failureSpike();
        Instant windowStart = at.minus(rule.window());
        Instant baselineStart = windowStart.minus(rule.baseline());
        Uni<FailureCounts> station =
                attempts.failureCounts(attempt.lineId(), attempt.stationId(), windowStart, at, baselineStart);
        return station.chain(
                stationCounts -> attempts.failureCounts(attempt.lineId(), null, windowStart, at, baselineStart)
                        .map(lineCounts -> List.of(
                                rule.evaluateStation(attempt.lineId(), attempt.stationId(), stationCounts),
                                rule.evaluateLine(attempt.lineId(), lineCounts))));
    }

    private static Uni<List<Evaluation>> none() {
        return Uni.createFrom().item(List.of());
    }
}
