package dev.keyline.ledger.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.ledger.service.MultiRowInsert.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowUpdateTest {

    @Test
    void updateSetsColumnsByFirst() {
        MultiRowUpdate update = new MultiRowUpdate(
                "devices",
                List.of(new Column("serial", "text"), new Column("status", "text"), new Column("attempts", "int")));

        assertThat(update.sql())
                .isEqualTo("UPDATE devices AS stored SET status = rows.status, attempts = rows.attempts"
                        + " FROM unnest($1::text[], $2::text[], $3::int[]) AS rows (serial, status, attempts)"
                        + " WHERE stored.serial = rows.serial");
    }

    @Test
    void updateWithoutColumnsRejected() {
        assertThatThrownBy(() -> new MultiRowUpdate("devices", List.of(new Column("serial", "text"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an update of devices needs a key column and a column to set");
    }
}
