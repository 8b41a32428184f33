package dev.keyline.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.Problem;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/** Ends a request in a Vert.x route, before JAX-RS and its problem mappers, with a problem+json body. */
public final class RouteProblem {

    /**
     * The {@code uri} tag of the HTTP server metrics for a request ended here. Without it, Micrometer tags such a
     * request with its raw path, because no route matched yet. That path may contain a product key, and with any
     * number of distinct paths the tags reach Micrometer's limit of 100 and later routes get no metrics.
     */
    public static final String METRICS_URI = "/rejected-before-routing";

    /** The request's context data entry that Quarkus's HTTP metrics read as the route template. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private RouteProblem() {}

    /** Sends {@code problem} with its status as the response to {@code context}. */
    public static void send(RoutingContext context, ObjectMapper json, Problem problem) {
        setMetricsUri(context);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to write a " + problem.status() + " problem as JSON", e);
        }
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    private static void setMetricsUri(RoutingContext context) {
        Context requestContext = context.request() instanceof HttpServerRequestInternal request
                ? request.context()
                : Vertx.currentContext();
        if (requestContext != null) {
            requestContext.putLocal(URL_PATH_TEMPLATE, METRICS_URI);
        }
    }
}
