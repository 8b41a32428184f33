package dev.keyline.alert.service;

import dev.keyline.alert.config.AlertsConfig;
import dev.keyline.alert.domain.FactRetention;
import dev.keyline.alert.repository.ActivationAttemptRepository;
import dev.keyline.alert.repository.BalanceSampleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Deletes the activation attempts and balance samples that no rule reads any more, on a schedule
 * ({@code keyline.alerts.facts.pruning-interval}). What is kept is described by {@link FactRetention}.
 */
@ApplicationScoped
public class FactPruning {

    private static final Logger LOG = Logger.getLogger(FactPruning.class);

    private final FactRetention retention;
    private final ActivationAttemptRepository attempts;
    private final BalanceSampleRepository samples;

    public FactPruning(AlertsConfig config, ActivationAttemptRepository attempts, BalanceSampleRepository samples) {
        AlertsConfig.FailureSpike spike = config.activationFailureSpike();
        this.retention = new FactRetention(config.facts().retention())
                .window(
                        "keyline.alerts.depletion-forecast.window",
                        config.depletionForecast().window())
                .window(
                        "keyline.alerts.repeat-activation.window",
                        config.repeatActivation().window())
                .window(
                        "keyline.alerts.activation-failure-spike.window plus its baseline",
                        spike.window().plus(spike.baseline()));
        this.attempts = attempts;
        this.samples = samples;
    }

    /** The rows one pruning deleted. */
    public record Pruned(int activationAttempts, int balanceSamples) {}

    /** Stops the start when the retention is shorter than a rule's window. */
    void checkRetention(@Observes StartupEvent started) {
        retention.shortfall().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    @Scheduled(
            every = "${keyline.alerts.facts.pruning-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        try {
            pruneNow();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "pruning old activation attempts and balance samples failed: %s; the next pruning tries again", e);
        }
    }

    /** Deletes the facts older than the retention in one transaction. Blocks, so call it from a worker thread. */
    public Pruned pruneNow() {
        long seconds = retention.retention().toSeconds();
        LOG.debugf("pruning activation attempts and balance samples older than %d s before the newest", seconds);
        Pruned pruned;
        try {
            pruned = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> attempts.pruneOlderThan(seconds).chain(deletedAttempts -> samples.pruneOlderThan(seconds)
                            .map(deletedSamples -> new Pruned(deletedAttempts, deletedSamples)))));
        } catch (Throwable e) {
            throw new IllegalStateException("pruning failed: " + e.getMessage(), e);
        }
        if (pruned.activationAttempts() > 0 || pruned.balanceSamples() > 0) {
            LOG.infof(
                    "pruned %d activation attempts and %d balance samples older than the retention of %s",
                    pruned.activationAttempts(), pruned.balanceSamples(), retention.retention());
        }
        return pruned;
    }
}
