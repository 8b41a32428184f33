package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionSizeTest {

    @Test
    void countsMultiply() {
        assertThat(ExpressionSize.of("KEY-.*").copies()).isEqualTo(1);
        assertThat(ExpressionSize.of("[A-Z]{5}").copies()).isEqualTo(5);
        assertThat(ExpressionSize.of("(a{2,9}){3}").copies()).isEqualTo(27);
        assertThat(ExpressionSize.of("a{3,}").copies()).isEqualTo(4);
        assertThat(ExpressionSize.of("(a{0,9}){0,9}b{0}").copies()).isEqualTo(81);
        assertThat(ExpressionSize.of("(((((a{0,9}){0,9}){0,9}){0,9}){0,9})").copies())
                .isEqualTo(59_049);
    }

    @Test
    void literalBracesNotCounted() {
        assertThat(ExpressionSize.of("\\{5}").copies()).isEqualTo(1);
        assertThat(ExpressionSize.of("[{5}]x").copies()).isEqualTo(1);
        assertThat(ExpressionSize.of("[]{5}]").copies()).isEqualTo(1);
        assertThat(ExpressionSize.of("[[:alpha:]{5}]").copies()).isEqualTo(1);
        assertThat(ExpressionSize.of("\\Qa{1000}\\E").copies()).isEqualTo(1);
        assertThat(ExpressionSize.of("a{x}").copies()).isEqualTo(1);
        assertThat(ExpressionSize.of("a{,5}").copies()).isEqualTo(1);
    }

    @Test
    void largeProductCapped() {
        assertThat(ExpressionSize.of("((a{1,1000}){1,1000}){1,1000}").copies()).isEqualTo(1_000_000);
    }

    @Test
    void branchPointsCounted() {
        assertThat(ExpressionSize.of("KEY-B").branches()).isEqualTo(1);
        assertThat(ExpressionSize.of("KEY-A|KEY-B").branches()).isEqualTo(2);
        assertThat(ExpressionSize.of("(a?b*)+").branches()).isEqualTo(5);
        assertThat(ExpressionSize.of("\\(a\\?[?*+|(]\\Q(((\\E").branches()).isEqualTo(1);
    }
}
