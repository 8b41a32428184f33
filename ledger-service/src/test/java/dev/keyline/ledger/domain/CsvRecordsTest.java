package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.ledger.domain.CsvRecords.CsvRecord;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void lineBreaksEndRecords() {
        assertThat(CsvRecords.split("a,b\nc,d\r\ne,f\rg,h"))
                .containsExactly(
                        new CsvRecord("a,b", 1),
                        new CsvRecord("c,d", 2),
                        new CsvRecord("e,f", 3),
                        new CsvRecord("g,h", 4));
    }

    @Test
    void quotedLineBreakStaysInRecord() {
        assertThat(CsvRecords.split("keyId,note\nKEY-A,\"first\r\nsecond\"\nKEY-B,x\n"))
                .containsExactly(
                        new CsvRecord("keyId,note", 1),
                        new CsvRecord("KEY-A,\"first\r\nsecond\"", 2),
                        new CsvRecord("KEY-B,x", 4));
    }

    @Test
    void quoteInsideUnquotedFieldIsText() {
        assertThat(CsvRecords.split("KEY-A,29,Dell 24\" panel\nKEY-B,10,\n\"say \"\"hi\"\"\nthere\",1\n"))
                .containsExactly(
                        new CsvRecord("KEY-A,29,Dell 24\" panel", 1),
                        new CsvRecord("KEY-B,10,", 2),
                        new CsvRecord("\"say \"\"hi\"\"\nthere\",1", 3));
    }

    @Test
    void emptyTextHasNoRecords() {
        assertThat(CsvRecords.split("")).isEmpty();
        assertThat(CsvRecords.split("\n")).containsExactly(new CsvRecord("", 1));
    }
}
