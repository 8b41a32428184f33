package dev.keyline.station.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentReferencesTest {

    @Test
    void decimalAndHexReferencesDecoded() {
        assertThat(CommentReferences.decode("A&#45;B&#x2d;C&#X2D;D")).isEqualTo("A-B-C-D");
    }

    @Test
    void predefinedEntitiesDecoded() {
        assertThat(CommentReferences.decode("&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;"))
                .isEqualTo("<a> & \"b\" 'c'");
    }

    @Test
    void unknownAndDisallowedReferencesKept() {
        assertThat(CommentReferences.decode("&nbsp; &#0; &#xFFFE; &#1114112; & &#; &#x;"))
                .isEqualTo("&nbsp; &#0; &#xFFFE; &#1114112; & &#; &#x;");
    }

    @Test
    void plainTextReturnedAsIs() {
        String text = "old key removed";

        assertThat(CommentReferences.decode(text)).isSameAs(text);
    }
}
