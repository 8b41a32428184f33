package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepetitionCountTest {

    @Test
    void countsMultiply() {
        assertThat(RepetitionCount.copies("KEY-.*")).isEqualTo(1);
        assertThat(RepetitionCount.copies("[A-Z]{5}")).isEqualTo(5);
        assertThat(RepetitionCount.copies("(a{2,9}){3}")).isEqualTo(27);
        assertThat(RepetitionCount.copies("a{3,}")).isEqualTo(4);
        assertThat(RepetitionCount.copies("(a{0,9}){0,9}b{0}")).isEqualTo(81);
        assertThat(RepetitionCount.copies("(((((a{0,9}){0,9}){0,9}){0,9}){0,9})"))
                .isEqualTo(59_049);
    }

    @Test
    void literalBracesNotCounted() {
        assertThat(RepetitionCount.copies("\\{5}")).isEqualTo(1);
        assertThat(RepetitionCount.copies("[{5}]x")).isEqualTo(1);
        assertThat(RepetitionCount.copies("[]{5}]")).isEqualTo(1);
        assertThat(RepetitionCount.copies("[[:alpha:]{5}]")).isEqualTo(1);
        assertThat(RepetitionCount.copies("\\Qa{1000}\\E")).isEqualTo(1);
        assertThat(RepetitionCount.copies("a{x}")).isEqualTo(1);
        assertThat(RepetitionCount.copies("a{,5}")).isEqualTo(1);
    }

    @Test
    void largeProductCapped() {
        assertThat(RepetitionCount.copies("((a{1,1000}){1,1000}){1,1000}")).isEqualTo(1_000_000);
    }
}
