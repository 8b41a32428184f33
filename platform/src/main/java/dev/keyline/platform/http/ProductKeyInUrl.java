package dev.keyline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.KeySpans;
import dev.keyline.schemas.keys.ProductKeys;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import org.jboss.logging.Logger;

/**
 * Rejects a request whose URL path or query contains a full product key, such as a key sent as a device serial, with
 * a 400 problem that shows the URL masked. It runs before routing, authentication and any endpoint, so the key
 * reaches no database, topic, log line or alert. The station that sent it has still exposed the key.
 */
@ApplicationScoped
public class ProductKeyInUrl {

    private static final Logger LOG = Logger.getLogger(ProductKeyInUrl.class);
    /** Runs before the body size check and Quarkus's own routes. */
    private static final int ORDER = -4;
    /** The key of the request's checked URL errors in the routing context's data. */
    private static final String ERRORS = ProductKeyInUrl.class.getName() + ".errors";

    private static final String FIX =
            "put the device serial or id in the URL, never a product key; the key has left the station, so treat it"
                    + " as exposed and ask operations to check it";

    private final ObjectMapper json;

    public ProductKeyInUrl(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        List<FieldError> errors = errors(context);
        if (errors.isEmpty()) {
            context.next();
            return;
        }

        LOG.warnf(
                "rejected %s %s from %s: the URL contains a full product key",
                context.request().method(),
                maskedPath(context.request().path()),
                context.request().remoteAddress());
        RouteProblem.send(context, json, problem(errors, ""));
    }

    /**
     * Returns one error for the path and one for the query of the request's URL where they contain a key. The result
     * is kept with the request, so a service filter that checks the URL before this one does not make it check twice.
     */
    public static List<FieldError> errors(RoutingContext context) {
        List<FieldError> checked = context.get(ERRORS);
        if (checked == null) {
            checked = urlErrors(context.request().path(), context.request().query());
            context.put(ERRORS, checked);
        }
        return checked;
    }

    private static List<FieldError> urlErrors(String rawPath, String rawQuery) {
        String path = decodedPath(rawPath);
        String query = rawQuery == null ? "" : decoded(rawQuery);
        List<FieldError> errors = new ArrayList<>();
        String maskedPath = maskedPath(rawPath);
        if (!maskedPath.equals(path)) {
            errors.add(new FieldError("path", "contains a product key: " + maskedPath, FIX));
        }
        if (!KeyRedactor.maskAll(query).equals(query)) {
            errors.add(new FieldError("query", "contains a product key: " + KeyRedactor.maskAll(query), FIX));
        }
        return List.copyOf(errors);
    }

    /**
     * Returns the path, each segment decoded, with its keys masked. A segment is masked whole when it is a key in any
     * spelling ({@link ProductKeys#hidesKey}), such as dotted or lower case without dashes, because a segment is where
     * a station puts a serial and such a serial would be stored and published as written. The cost: a segment of
     * exactly 25 letters and digits once its separators are removed is rejected as a key. Segments are decoded one by
     * one, so a key whose groups are separated by {@code %2F} stays one segment.
     */
    public static String maskedPath(String rawPath) {
        List<String> masked = new ArrayList<>();
        for (String segment : decodedSegments(rawPath)) {
            String text = KeyRedactor.maskAll(segment);
            if (text.equals(segment) && ProductKeys.hidesKey(segment)) {
                text = ProductKeys.mask(ProductKeys.hiddenKeys(segment).get(0));
            }
            masked.add(text);
        }
        return String.join("/", masked);
    }

    /**
     * Returns the keys in the path's segments: each 5x5 key as written, or else each key that {@link #maskedPath}
     * masks, in upper case without separators.
     */
    public static List<String> keysInPath(String rawPath) {
        List<String> keys = new ArrayList<>();
        for (String segment : decodedSegments(rawPath)) {
            List<String> written = ProductKeys.FULL_KEY
                    .matcher(KeySpans.foldFullWidth(segment))
                    .results()
                    .map(MatchResult::group)
                    .toList();
            keys.addAll(written.isEmpty() ? ProductKeys.hiddenKeys(segment) : written);
        }
        return keys;
    }

    /** Returns the path with each segment decoded on its own. */
    public static String decodedPath(String rawPath) {
        return String.join("/", decodedSegments(rawPath));
    }

    private static List<String> decodedSegments(String rawPath) {
        return Arrays.stream(rawPath.split("/", -1))
                .map(ProductKeyInUrl::decoded)
                .toList();
    }

    /** Returns the 400 problem for a request with a key in its URL; {@code notice} is appended to its detail. */
    public static Problem problem(List<FieldError> errors, String notice) {
        return Problem.of(
                400,
                "key-in-url",
                "Product key in the URL",
                "the request URL contains a full product key, so nothing was read or stored." + notice,
                errors);
    }

    /** Returns {@code text} with percent escapes decoded, so an escaped key is found too. */
    public static String decoded(String text) {
        try {
            return QueryStringDecoder.decodeComponent(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
