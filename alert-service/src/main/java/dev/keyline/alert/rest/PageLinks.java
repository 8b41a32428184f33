package dev.keyline.alert.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@code Link} header of a paged list (RFC 8288), with {@code next} and {@code prev} where they exist. */
final class PageLinks {

    private PageLinks() {}

    static String of(UriInfo uri, int page, int size, long total) {
        List<String> links = new ArrayList<>();
        if ((long) (page + 1) * size < total) {
            links.add(link(uri, page + 1, size, "next"));
        }
        if (page > 0) {
            links.add(link(uri, page - 1, size, "prev"));
        }
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, int page, int size, String relation) {
        String target = uri.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build()
                .toString();
        return "<" + target + ">; rel=\"" + relation + "\"";
    }
}
