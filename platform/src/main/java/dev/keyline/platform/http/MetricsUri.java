package dev.keyline.platform.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Setter of the {@code uri} tag of Quarkus's HTTP server metrics for requests that match no route template. Micrometer
 * tags such a request with its raw path, which may contain a product key, and with any number of distinct paths the
 * tags reach Micrometer's limit of 100, after which later routes get no metrics. Quarkus tags a 404 {@code NOT_FOUND}
 * itself.
 */
public final class MetricsUri {

    /** The tag of a request that a route handler ended before routing, such as one with a key in its URL. */
    public static final String REJECTED_BEFORE_ROUTING = "/rejected-before-routing";

    /** The tag of a request whose path has endpoints but none for its method. */
    public static final String METHOD_NOT_ALLOWED = "/method-not-allowed";

    /** The request's context data entry that Quarkus's HTTP metrics read as the route template. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private MetricsUri() {}

    /** Tags the request of {@code context} with {@code uri}. */
    public static void set(RoutingContext context, String uri) {
        put(context.request() instanceof HttpServerRequestInternal request ? request.context() : null, uri);
    }

    /** Tags the request whose Vert.x context is the current one, as in a JAX-RS exception mapper, with {@code uri}. */
    public static void setForCurrentRequest(String uri) {
        put(null, uri);
    }

    private static void put(Context requestContext, String uri) {
        Context context = requestContext != null ? requestContext : Vertx.currentContext();
        if (context != null) {
            context.putLocal(URL_PATH_TEMPLATE, uri);
        }
    }
}
