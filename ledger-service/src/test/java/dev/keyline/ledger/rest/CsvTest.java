package dev.keyline.ledger.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV fields that a spreadsheet could run as a formula get a leading apostrophe, whatever follows their start. */
class CsvTest {

    @Test
    void formulaWithLineBreakGuarded() {
        assertThat(Csv.field("=HYPERLINK(\"x\")\nsecond line")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\nsecond line\"");
    }

    @Test
    void tabAndCarriageReturnStartsGuarded() {
        assertThat(Csv.field("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Csv.field("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void eachFormulaStartGuarded() {
        assertThat(Csv.field("+1")).isEqualTo("'+1");
        assertThat(Csv.field("-SN7")).isEqualTo("'-SN7");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void plainValuesUnchanged() {
        assertThat(Csv.field("SN-0001")).isEqualTo("SN-0001");
        assertThat(Csv.field("")).isEqualTo("");
        assertThat(Csv.field(null)).isEqualTo("");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    }
}
