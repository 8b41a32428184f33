package dev.keyline.platform.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Filter that keeps the {@code method} and {@code uri} tags of the HTTP server metrics to a known, small set of values.
 * Micrometer tags a request with the method as sent, and a static file's request with its raw path. So a request
 * with a product key as its method, or any number of paths with doubled slashes such as {@code /dashboard//index.html},
 * put the key into {@code /q/metrics} or used up Micrometer's 100 URI tags, after which later endpoints got no
 * metrics. {@link MetricsUri} covers requests that match no route.
 */
@Singleton
public class BoundedHttpTags implements MeterFilter {

    /** The {@code method} tag of a request with a method outside the standard nine. */
    static final String OTHER_METHOD = "OTHER";

    /** The {@code uri} tag of a request whose path has an empty segment, such as {@code /a//b}. */
    static final String UNNORMALIZED_URI = "/unnormalized-path";

    private static final String HTTP_SERVER_METERS = "http.server";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(HTTP_SERVER_METERS)) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            String value = bounded(tag.getKey(), tag.getValue());
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
}
