package dev.keyline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rejects a request whose URL path or query decodes to a NUL character ({@code %00}) with a 400 problem. PostgreSQL
 * cannot store or compare text with one, so such an id would fail in the database with a 500 that logs the URL.
 */
@ApplicationScoped
public class NulInUrl {

    private static final Logger LOG = Logger.getLogger(NulInUrl.class);
    /** Runs before the product key check and Quarkus's own routes. */
    private static final int ORDER = -6;

    private static final String FIX = "remove the %00 from the URL; no id or filter contains a NUL character";

    private final ObjectMapper json;

    public NulInUrl(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        List<FieldError> errors = new ArrayList<>();
        if (hasNul(context.request().path())) {
            errors.add(new FieldError("path", "contains a NUL character (%00)", FIX));
        }
        if (context.request().query() != null && hasNul(context.request().query())) {
            errors.add(new FieldError("query", "contains a NUL character (%00)", FIX));
        }
        if (errors.isEmpty()) {
            context.next();
            return;
        }

        LOG.debugf(
                "rejected a %s request whose URL contains a NUL character",
                context.request().method());
        RouteProblem.send(
                context,
                json,
                Problem.of(
                        400,
                        "nul-in-url",
                        "NUL character in the URL",
                        "the request URL contains a NUL character (%00), so it was not read",
                        errors));
    }

    private static boolean hasNul(String text) {
        try {
            return QueryStringDecoder.decodeComponent(text).indexOf('\u0000') >= 0;
        } catch (IllegalArgumentException e) {
            return text.contains("%00");
        }
    }
}
