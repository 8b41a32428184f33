package dev.keyline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

class BoundedHttpTagsTest {

    private final BoundedHttpTags filter = new BoundedHttpTags();

    @Test
    void unknownMethodBecomesOther() {
        assertThat(BoundedHttpTags.bounded("method", "WXYBC-DFGHJ-KMPQR-TVWXY-2M3T9"))
                .isEqualTo("OTHER");
        assertThat(BoundedHttpTags.bounded("method", "get")).isEqualTo("OTHER");
        assertThat(BoundedHttpTags.bounded("method", "PATCH")).isEqualTo("PATCH");
    }

    @Test
    void doubledSlashBecomesOneUri() {
        assertThat(BoundedHttpTags.bounded("uri", "/dashboard//index.html")).isEqualTo("/unnormalized-path");
        assertThat(BoundedHttpTags.bounded("uri", "/dashboard/index.html")).isEqualTo("/dashboard/index.html");
        assertThat(BoundedHttpTags.bounded("status", "404")).isEqualTo("404");
    }

    @Test
    void onlyHttpServerMetersMapped() {
        Meter.Id request = new Meter.Id(
                "http.server.requests", Tags.of("method", "BREW", "uri", "/a//b"), null, null, Meter.Type.TIMER);
        Meter.Id other = new Meter.Id("jvm.memory.used", Tags.of("method", "BREW"), null, null, Meter.Type.GAUGE);

        assertThat(filter.map(request).getTags())
                .isEqualTo(Tags.of("method", "OTHER", "uri", "/unnormalized-path").stream()
                        .toList());
        assertThat(filter.map(other)).isSameAs(other);
    }

    @Test
    void serverRejectionOfNewPathUnlisted() {
        assertThat(uriOf(request("/api/v1/devices/WXYBC-DFGHJ-KMPQR-TVWXY-2M3T9", "431")))
                .isEqualTo("/unlisted-path");
        assertThat(uriOf(request("/x1%ZZ", "400"))).isEqualTo("/unlisted-path");
        assertThat(uriOf(request("/x2", "414"))).isEqualTo("/unlisted-path");
        assertThat(uriOf(request("/x3", "RESET"))).isEqualTo("/unlisted-path");
        assertThat(uriOf(request("/{WXYBC-DFGHJ-KMPQR-TVWXY-2M3T9%ZZ", "400"))).isEqualTo("/unlisted-path");
        assertThat(uriOf(request("/api/v1/devices/{serial}/x%ZZ", "400"))).isEqualTo("/unlisted-path");
    }

    @Test
    void answeredPathKeptForEveryStatus() {
        assertThat(uriOf(request("/api/v1/status", "200"))).isEqualTo("/api/v1/status");

        assertThat(uriOf(request("/api/v1/status", "400"))).isEqualTo("/api/v1/status");
        assertThat(uriOf(request("/api/v1/status", "431"))).isEqualTo("/api/v1/status");
    }

    @Test
    void routeStatusesAndTemplatesKept() {
        assertThat(uriOf(request("/api/v1/reports/bulk", "409"))).isEqualTo("/api/v1/reports/bulk");
        assertThat(uriOf(request("/api/v1/keys/{keyId}", "200"))).isEqualTo("/api/v1/keys/{keyId}");
        assertThat(uriOf(request("/api/v1/keys/{keyId}", "400"))).isEqualTo("/api/v1/keys/{keyId}");
        assertThat(uriOf(request("/api/v1/keys/{keyId}", "404"))).isEqualTo("/api/v1/keys/{keyId}");
        assertThat(uriOf(request("/rejected-before-routing", "400"))).isEqualTo("/rejected-before-routing");
        assertThat(uriOf(request("NOT_FOUND", "404"))).isEqualTo("NOT_FOUND");
    }

    private static Meter.Id request(String uri, String status) {
        return new Meter.Id(
                "http.server.requests",
                Tags.of("method", "GET", "status", status, "uri", uri),
                null,
                null,
                Meter.Type.TIMER);
    }

    private String uriOf(Meter.Id id) {
        return filter.map(id).getTag("uri");
    }
}
