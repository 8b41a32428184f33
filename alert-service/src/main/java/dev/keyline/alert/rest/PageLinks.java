package dev.keyline.alert.rest;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code Link} header of a paged list (RFC 8288), with {@code next} and {@code prev} where they exist, as
 * references relative to the request's host. Pages
 * count from 0. A page past the end links back to the last page that has entries, and no page links back when
 * nothing matches.
 */
final class PageLinks {

    private PageLinks() {}

    static String of(UriInfo uri, int page, int size, long total) {
        List<String> links = new ArrayList<>();
        if ((long) (page + 1) * size < total) {
            links.add(link(uri, page + 1, size, "next"));
        }
        if (page > 0 && total > 0) {
            long lastPage = (total - 1) / size;
            links.add(link(uri, (int) Math.min(page - 1, lastPage), size, "prev"));
        }
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, int page, int size, String relation) {
        URI target = uri.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build();

        // A reference without scheme and host, which the client resolves against the URL it requested, because the
        // request's Host header is the client's to choose.
        String reference = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return "<" + reference + ">; rel=\"" + relation + "\"";
    }
}
