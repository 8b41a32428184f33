package dev.keyline.alert.service;

import dev.keyline.alert.config.AlertmanagerConfig;
import dev.keyline.alert.config.AlertsConfig;
import dev.keyline.alert.domain.AlertState;
import dev.keyline.alert.domain.Silence;
import dev.keyline.alert.repository.AlertEntity;
import dev.keyline.alert.repository.AlertRepository;
import dev.keyline.alert.repository.SilenceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends every active alert, and every alert resolved within {@code keyline.alertmanager.resend-resolved-for}, to
 * Alertmanager again on each {@code keyline.alertmanager.resend-interval}, leaving out silenced ones. The alerts come
 * from PostgreSQL, so a restart or a failed post loses nothing.
 */
@ApplicationScoped
public class AlertmanagerResender {

    private static final Logger LOG = Logger.getLogger(AlertmanagerResender.class);

    /** Alerts per request, so thousands of active alerts do not make one very large request. */
    static final int BATCH_SIZE = 500;

    private final AlertmanagerConfig config;
    private final String externalUrl;
    private final AlertRepository alerts;
    private final SilenceRepository silences;
    private final AlertmanagerSender sender;

    public AlertmanagerResender(
            AlertmanagerConfig config,
            AlertsConfig alertsConfig,
            AlertRepository alerts,
            SilenceRepository silences,
            AlertmanagerSender sender) {
        this.config = config;
        this.externalUrl = alertsConfig.externalUrl();
        this.alerts = alerts;
        this.silences = silences;
        this.sender = sender;
    }

    @Scheduled(
            every = "${keyline.alertmanager.resend-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resendOnSchedule() {
        resendNow();
    }

    /**
     * Sends the deliverable alerts now, in batches, and waits for Alertmanager's responses. Returns how many alerts
     * Alertmanager accepted before a batch failed, or 0 when delivery is off. Blocks, so call it from a worker thread.
     */
    public int resendNow() {
        if (!sender.enabled()) {
            return 0;
        }
        Instant now = Instant.now();
        Deliverable deliverable;
        try {
            deliverable = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> alerts.findDeliverable(now.minus(config.resendResolvedFor()))
                            .chain(rows -> silences.findActive(now).map(active -> new Deliverable(rows, active)))));
        } catch (Throwable e) {
            LOG.warnf("could not read the alerts to resend to Alertmanager: %s; the next resend tries again", e);
            return 0;
        }

        List<AlertmanagerAlert> unsilenced = deliverable.rows().stream()
                .filter(row -> !silenced(row.toState(), deliverable.silences(), now))
                .map(row -> AlertmanagerAlert.of(row.id, row.toState(), externalUrl))
                .toList();
        if (unsilenced.isEmpty()) {
            LOG.debug("no alerts to resend to Alertmanager");
            return 0;
        }
        int posted = 0;
        for (int from = 0; from < unsilenced.size(); from += BATCH_SIZE) {
            List<AlertmanagerAlert> batch = unsilenced.subList(from, Math.min(from + BATCH_SIZE, unsilenced.size()));
            boolean accepted = sender.post(batch)
                    .completeOnTimeout(false, config.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                    .join();
            if (!accepted) {
                return posted;
            }
            posted += batch.size();
        }
        LOG.debugf("resent %d alerts to Alertmanager", posted);
        return posted;
    }

    private static boolean silenced(AlertState alert, List<Silence> active, Instant now) {
        return active.stream().anyMatch(silence -> silence.silences(alert.identity(), alert.severity(), now));
    }

    private record Deliverable(List<AlertEntity> rows, List<Silence> silences) {}
}
