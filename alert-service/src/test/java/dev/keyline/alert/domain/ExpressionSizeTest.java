package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionSizeTest {

    @Test
    void countsMultiply() {
        assertThat(ExpressionSize.copies("KEY-.*")).isEqualTo(1);
        assertThat(ExpressionSize.copies("[A-Z]{5}")).isEqualTo(5);
        assertThat(ExpressionSize.copies("(a{2,9}){3}")).isEqualTo(27);
        assertThat(ExpressionSize.copies("a{3,}")).isEqualTo(4);
        assertThat(ExpressionSize.copies("(a{0,9}){0,9}b{0}")).isEqualTo(81);
        assertThat(ExpressionSize.copies("(((((a{0,9}){0,9}){0,9}){0,9}){0,9})"))
                .isEqualTo(59_049);
    }

    @Test
    void literalBracesNotCounted() {
        assertThat(ExpressionSize.copies("\\{5}")).isEqualTo(1);
        assertThat(ExpressionSize.copies("[{5}]x")).isEqualTo(1);
        assertThat(ExpressionSize.copies("[]{5}]")).isEqualTo(1);
        assertThat(ExpressionSize.copies("[[:alpha:]{5}]")).isEqualTo(1);
        assertThat(ExpressionSize.copies("\\Qa{1000}\\E")).isEqualTo(1);
        assertThat(ExpressionSize.copies("a{x}")).isEqualTo(1);
        assertThat(ExpressionSize.copies("a{,5}")).isEqualTo(1);
    }

    @Test
    void largeProductCapped() {
        assertThat(ExpressionSize.copies("((a{1,1000}){1,1000}){1,1000}")).isEqualTo(1_000_000);
    }

    @Test
    void branchPointsCounted() {
        assertThat(ExpressionSize.branches("KEY-B")).isEqualTo(1);
        assertThat(ExpressionSize.branches("KEY-A|KEY-B")).isEqualTo(2);
        assertThat(ExpressionSize.branches("(a?b*)+")).isEqualTo(5);
        assertThat(ExpressionSize.branches("\\(a\\?[?*+|(]\\Q(((\\E")).isEqualTo(1);
    }
}
