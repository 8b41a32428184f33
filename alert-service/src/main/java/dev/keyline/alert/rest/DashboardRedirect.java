package dev.keyline.alert.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Redirects {@code /dashboard}, as an operator types it, to {@code /dashboard/}, where the page is served and from
 * where its script's relative address resolves.
 */
@ApplicationScoped
public class DashboardRedirect {

    void register(@Observes Router router) {
        router.routeWithRegex("/dashboard")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .handler(context -> context.response()
                        .setStatusCode(301)
                        .putHeader("Location", "/dashboard/")
                        .end());
    }
}
