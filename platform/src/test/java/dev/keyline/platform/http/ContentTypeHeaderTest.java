package dev.keyline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypeHeaderTest {

    @Test
    void mediaTypesAccepted() {
        assertThat(ContentTypeHeader.isMediaType("application/json")).isTrue();
        assertThat(ContentTypeHeader.isMediaType("application/json; charset=UTF-8"))
                .isTrue();
        assertThat(ContentTypeHeader.isMediaType("text/csv")).isTrue();
    }

    @Test
    void headersWithoutTypeRejected() {
        assertThat(ContentTypeHeader.isMediaType("")).isFalse();
        assertThat(ContentTypeHeader.isMediaType("   ")).isFalse();
        assertThat(ContentTypeHeader.isMediaType("; charset=ISO-8859-1")).isFalse();
        assertThat(ContentTypeHeader.isMediaType("/json")).isFalse();
    }
}
