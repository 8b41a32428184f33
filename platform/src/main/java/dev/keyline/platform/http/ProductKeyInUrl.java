package dev.keyline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final String FIX =
            "put the device serial or id in the URL, never a product key; the key has left the station, so treat it"
                    + " as exposed and ask operations to check it";

    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]");

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
                maskedPath(decoded(context.request().path())),
                context.request().remoteAddress());
        RouteProblem.send(context, json, problem(errors, ""));
    }

    /** Returns one error for the path and one for the query of the request's URL where they contain a key. */
    public static List<FieldError> errors(RoutingContext context) {
        String path = decoded(context.request().path());
        String query = context.request().query() == null
                ? ""
                : decoded(context.request().query());
        List<FieldError> errors = new ArrayList<>();
        String maskedPath = maskedPath(path);
        if (!maskedPath.equals(path)) {
            errors.add(new FieldError("path", "contains a product key: " + maskedPath, FIX));
        }
        if (!KeyRedactor.maskAll(query).equals(query)) {
            errors.add(new FieldError("query", "contains a product key: " + KeyRedactor.maskAll(query), FIX));
        }
        return errors;
    }

    /**
     * Returns the decoded path with its keys masked. A segment is masked whole when it is a key in any spelling
     * ({@link ProductKeys#hidesKey}), such as dotted or lower case without dashes, because a segment is where a
     * station puts a serial and such a serial would be stored and published as written. The cost: a segment of exactly
     * 25 letters and digits once its separators are removed is rejected as a key.
     */
    public static String maskedPath(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String masked = KeyRedactor.maskAll(segments[i]);
            if (masked.equals(segments[i]) && ProductKeys.hidesKey(segments[i])) {
                masked = ProductKeys.mask(compact(segments[i]));
            }
            segments[i] = masked;
        }
        return String.join("/", segments);
    }

    /**
     * Returns the keys in the decoded path: each key as written where it is a 5x5 key, and a segment that is a key in
     * another spelling in upper case without its separators.
     */
    public static List<String> keysInPath(String path) {
        List<String> keys = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            Matcher matcher = ProductKeys.FULL_KEY.matcher(segment);
            boolean found = false;
            while (matcher.find()) {
                keys.add(matcher.group());
                found = true;
            }
            if (!found && ProductKeys.hidesKey(segment)) {
                keys.add(compact(segment));
            }
        }
        return keys;
    }

    private static String compact(String segment) {
        return SEPARATORS.matcher(segment).replaceAll("").toUpperCase(Locale.ROOT);
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
