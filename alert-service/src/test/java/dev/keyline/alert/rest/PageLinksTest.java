package dev.keyline.alert.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The Link header of a page: {@code next} while matches follow, {@code prev} to the page before or the last one. */
class PageLinksTest {

    private static final String LIST = "http://localhost:8083/api/v1/alerts?rule=key-low&size=1&page=";

    @Test
    void middlePageLinksBothWays() {
        assertThat(PageLinks.of(request(LIST + "1"), 1, 1, 4))
                .isEqualTo("</api/v1/alerts?rule=key-low&page=2&size=1>; rel=\"next\", "
                        + "</api/v1/alerts?rule=key-low&page=0&size=1>; rel=\"prev\"");
    }

    @Test
    void pageBeyondEndLinksToLast() {
        // 4 key-low alerts, one per page: pages 0 to 3 have alerts.
        assertThat(PageLinks.of(request(LIST + "50"), 50, 1, 4))
                .isEqualTo("</api/v1/alerts?rule=key-low&page=3&size=1>; rel=\"prev\"");
    }

    @Test
    void pageAfterLastLinksBack() {
        assertThat(PageLinks.of(request(LIST + "4"), 4, 1, 4))
                .isEqualTo("</api/v1/alerts?rule=key-low&page=3&size=1>; rel=\"prev\"");
    }

    @Test
    void lastPageOfPartialPageLinksBack() {
        // 4 alerts, 3 per page: page 1 contains the fourth, and page 7 links back to it.
        assertThat(PageLinks.of(request("http://localhost:8083/api/v1/alerts?rule=key-low&size=3&page=7"), 7, 3, 4))
                .isEqualTo("</api/v1/alerts?rule=key-low&page=1&size=3>; rel=\"prev\"");
    }

    @Test
    void noMatchesNoLinks() {
        assertThat(PageLinks.of(request(LIST + "50"), 50, 1, 0)).isEqualTo("");
    }

    /** Returns a {@link UriInfo} that implements only the request URI builder, which is all {@link PageLinks} reads. */
    private static UriInfo request(String uri) {
        return (UriInfo) Proxy.newProxyInstance(
                PageLinksTest.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getRequestUriBuilder")) {
                        return UriBuilder.fromUri(uri);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
