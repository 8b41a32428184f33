package dev.keyline.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Ends a request in a Vert.x route, before JAX-RS and its problem mappers, with a problem+json body. */
public final class RouteProblem {

    private RouteProblem() {}

    /** Sends {@code problem} with its status as the response to {@code context}. */
    public static void send(RoutingContext context, ObjectMapper json, Problem problem) {
        MetricsUri.set(context, MetricsUri.REJECTED_BEFORE_ROUTING);
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
}
