package dev.keyline.station.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.embedded.FreePorts;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pool that cannot reach PostgreSQL leaves one WARN line in the service log when its wait timer fires late, instead
 * of the Vert.x SQL client's uncaught ERROR with a stack trace. The pool waits 1 s instead of the default 30 s.
 */
@QuarkusTest
class PoolTimerLogTest {

    private static final Path LOG_FILE = Path.of("target/station-service-test.log");
    private static final String WARNING =
            "PostgreSQL pool: a connection wait timed out for a request that had already" + " failed";

    @Inject
    Vertx vertx;

    @Test
    void lateTimerLoggedAsWarning() throws Exception {
        long logStart = Files.size(LOG_FILE);
        PgConnectOptions nowhere = new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(FreePorts.find())
                .setDatabase("none")
                .setUser("none")
                .setPassword("none");
        PoolOptions oneSecond = new PoolOptions().setConnectionTimeout(1).setConnectionTimeoutUnit(TimeUnit.SECONDS);
        Pool pool = PgBuilder.pool()
                .with(oneSecond)
                .connectingTo(nowhere)
                .using(vertx)
                .build();

        try {
            Throwable failure = pool.query("SELECT 1")
                    .execute()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .handle((rows, error) -> error)
                    .get(10, TimeUnit.SECONDS);
            assertThat(failure).as("the query's failure").isNotNull();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> logSince(logStart).contains(WARNING));
        } finally {
            pool.close();
        }

        String log = logSince(logStart);
        String line =
                log.lines().filter(text -> text.contains(WARNING)).findFirst().orElseThrow();
        assertThat(line).contains(" WARN ");
        assertThat(log).doesNotContain("Result is already complete");
        assertThat(log).doesNotContain("Uncaught exception received by Vert.x");
    }

    private static String logSince(long position) throws Exception {
        byte[] all = Files.readAllBytes(LOG_FILE);
        return new String(all, (int) position, all.length - (int) position, StandardCharsets.UTF_8);
    }
}
