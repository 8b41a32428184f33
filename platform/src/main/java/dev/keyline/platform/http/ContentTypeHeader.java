package dev.keyline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.QuotedValue;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rejects a request whose {@code Content-Type} header is empty, not a media type, such as {@code ; charset=UTF-8}, or
 * given twice, with a 415 problem. The REST layer fails to parse such a header while it picks the method, which gave a
 * 500 response and a stack trace in the log.
 */
@ApplicationScoped
public class ContentTypeHeader {

    private static final Logger LOG = Logger.getLogger(ContentTypeHeader.class);

    /** Runs with the other request checks, before Quarkus's routes. */
    private static final int ORDER = -3;

    private final ObjectMapper json;

    public ContentTypeHeader(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        List<String> headers = context.request().headers().getAll(HttpHeaders.CONTENT_TYPE);
        if (headers.size() > 1) {
            reject(
                    context,
                    "the request has " + headers.size() + " Content-Type headers, so the body was not read",
                    "is given " + headers.size() + " times",
                    "send one Content-Type header");
            return;
        }
        if (headers.isEmpty() || isMediaType(headers.get(0))) {
            context.next();
            return;
        }

        String value = QuotedValue.of(headers.get(0));
        reject(
                context,
                "the Content-Type header '" + value + "' is not a media type, so the body was not read",
                "is '" + value + "', not a media type such as application/json",
                "send the type that docs/API.md gives for this endpoint, such as application/json, or no Content-Type"
                        + " and no body");
    }

    private void reject(RoutingContext context, String detail, String message, String fix) {
        LOG.debugf("rejected a %s request: %s", context.request().method(), detail);
        RouteProblem.send(
                context,
                json,
                Problem.of(
                        415,
                        "unreadable-content-type",
                        "Unreadable Content-Type",
                        detail,
                        List.of(new FieldError("Content-Type", message, fix))));
    }

    /** Tells whether the header names a type and a subtype, as {@code application/json; charset=UTF-8} does. */
    static boolean isMediaType(String header) {
        if (header.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(header);
            return !type.getType().isBlank() && !type.getSubtype().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
