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
}
