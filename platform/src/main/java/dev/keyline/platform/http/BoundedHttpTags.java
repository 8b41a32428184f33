package dev.keyline.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Filter that keeps the {@code method} and {@code uri} tags of the HTTP server metrics to a known, small set of values.
 * Micrometer tags a request with the method as sent, and a static file's request with its raw path. So a request
 * with a product key as its method, or any number of paths with doubled slashes such as {@code /dashboard//index.html},
 * put the key into {@code /q/metrics} or used up Micrometer's 100 URI tags, after which later endpoints got no
 * metrics. {@link MetricsUri} covers requests that match no route.
 *
 * <p>The HTTP server rejects some requests itself, before any route or filter of Keyline runs: 400 for a malformed
 * percent escape such as {@code %ZZ}, 431 for headers over the limit, 414 for a URL over the limit. Those are tagged
 * with their raw path too. Such a path is kept only once it has returned a status below 400, which a path with a
 * key in it never does, and is otherwise tagged {@value #UNLISTED_URI}.
 */
@Singleton
public class BoundedHttpTags implements MeterFilter {

    /** The {@code method} tag of a request with a method outside the standard nine. */
    static final String OTHER_METHOD = "OTHER";

    /** The {@code uri} tag of a request whose path has an empty segment, such as {@code /a//b}. */
    static final String UNNORMALIZED_URI = "/unnormalized-path";

    /**
     * The {@code uri} tag of a request the HTTP server rejected with one of its own statuses, on a path that has not
     * returned a status below 400 since the service started.
     */
    static final String UNLISTED_URI = "/unlisted-path";

    private static final String HTTP_SERVER_METERS = "http.server";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
    /** The statuses that the HTTP server returns itself, before routing, besides any route that returns them. */
    private static final Set<String> SERVER_STATUSES = Set.of("400", "413", "414", "431", "501", "505");
    /** Tags that Quarkus and {@link MetricsUri} set for requests without a path of their own. */
    private static final Set<String> CONSTANT_URIS = Set.of(
            "NOT_FOUND",
            "REDIRECTION",
            "UNKNOWN",
            "root",
            MetricsUri.REJECTED_BEFORE_ROUTING,
            MetricsUri.METHOD_NOT_ALLOWED,
            UNNORMALIZED_URI,
            UNLISTED_URI);
    /** Enough for every endpoint and static file of a service; paths beyond it are not remembered. */
    private static final int MAX_ANSWERED_PATHS = 1000;

    private final Set<String> answeredPaths = ConcurrentHashMap.newKeySet();

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(HTTP_SERVER_METERS)) {
            return id;
        }
        String status = id.getTag("status");
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            String value = bounded(tag.getKey(), tag.getValue());
            if ("uri".equals(tag.getKey())) {
                value = listed(value, status);
            }
            changed |= !value.equals(tag.getValue());
            tags.add(Tag.of(tag.getKey(), value));
        }
        return changed ? id.replaceTags(tags) : id;
    }

    /** Returns the value a tag is recorded with: a known method, or a path without empty segments, else a constant. */
    static String bounded(String key, String value) {
        if ("method".equals(key) && !METHODS.contains(value)) {
            return OTHER_METHOD;
        }
        if ("uri".equals(key) && value.contains("//")) {
            return UNNORMALIZED_URI;
        }
        return value;
    }

    /**
     * Returns the {@code uri} tag for a request with {@code status}. A constant, a path or route template that returned
     * a status below 400 before, or a path with a status that only routes return keeps its value. Any other path gets
     * {@value #UNLISTED_URI}, because the HTTP server may have rejected the request itself. A meter without a status
     * counts as such a rejection.
     */
    String listed(String uri, String status) {
        // A route template such as /api/v1/keys/{keyId} is learned like any path: a raw path may hold "{" too.
        if (CONSTANT_URIS.contains(uri)) {
            return uri;
        }
        boolean statusCode = status != null && status.length() == 3;
        if (statusCode && status.charAt(0) < '4') {
            if (answeredPaths.size() < MAX_ANSWERED_PATHS) {
                answeredPaths.add(uri);
            }
            return uri;
        }
        if (answeredPaths.contains(uri) || statusCode && !SERVER_STATUSES.contains(status)) {
            return uri;
        }
        return UNLISTED_URI;
    }
}
