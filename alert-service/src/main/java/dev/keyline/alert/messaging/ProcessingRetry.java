package dev.keyline.alert.messaging;

import dev.keyline.alert.config.AlertsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Retries the processing of a record with exponential backoff, as {@code keyline.alerts.processing} configures. */
@ApplicationScoped
public class ProcessingRetry {

    private static final Logger LOG = Logger.getLogger(ProcessingRetry.class);

    private final AlertsConfig config;

    public ProcessingRetry(AlertsConfig config) {
        this.config = config;
    }

    public int maxRetries() {
        return config.processing().maxRetries();
    }

    /**
     * Runs {@code work}, retrying when it fails. Every attempt runs on the caller's Vert.x context, because Hibernate
     * Reactive must be called there and a backoff delay resumes on another thread. {@code what} names the record in
     * the WARN logged for each failed attempt.
     */
    public <T> Uni<T> run(Supplier<Uni<T>> work, String what) {
        Supplier<Uni<? extends T>> deferred = work::get;
        return Uni.createFrom()
                .<T>deferred(deferred)
                .runSubscriptionOn(onContext(Vertx.currentContext()))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "processing %s failed (retried up to %d times): %s", what, maxRetries(), failure.toString()))
                .onFailure()
                .retry()
                .withBackOff(config.processing().initialBackoff())
                .atMost(maxRetries());
    }

    private static Executor onContext(Context context) {
        if (context == null) {
            return Runnable::run;
        }
        return command -> context.runOnContext(ignored -> command.run());
    }
}
