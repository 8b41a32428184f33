package dev.keyline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rejects a request whose {@code Content-Length} is over {@code quarkus.http.limits.max-body-size} with a 413
 * problem+json body that names the limit. Quarkus's own check, which runs next, ends such a request with an empty body.
 * A chunked request has no {@code Content-Length}, so Quarkus still ends one that grows too large with an empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);
    /** Runs before Quarkus's body size check, which is ordered at -2. */
    private static final int ORDER = -3;

    private final Optional<MemorySize> limit;
    private final ObjectMapper json;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit, ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    void register(@Observes Router router) {
        limit.ifPresent(size -> router.route().order(ORDER).handler(context -> check(context, size.asLongValue())));
    }

    private void check(RoutingContext context, long maxBytes) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // Vert.x rejects a malformed Content-Length before routing; leave any other case to it.
            context.next();
            return;
        }
        if (length <= maxBytes) {
            context.next();
            return;
        }

        LOG.warnf(
                "rejected %s %s: Content-Length %d is over the limit of %d bytes",
                context.request().method(), context.request().path(), length, maxBytes);
        Problem problem = Problem.of(
                413,
                "body-too-large",
                "Request body too large",
                "the request body has " + length + " bytes, over the limit of " + maxBytes + " bytes",
                List.of(new FieldError(
                        "Content-Length",
                        "must be at most " + maxBytes + ", got " + length,
                        "send a smaller body: split its content into several requests")));
        // The body is not read, so the connection cannot carry another request.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        RouteProblem.send(context, json, problem);
    }
}
