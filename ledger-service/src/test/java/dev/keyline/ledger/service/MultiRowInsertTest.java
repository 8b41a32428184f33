package dev.keyline.ledger.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.ledger.service.MultiRowInsert.Column;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    @Test
    void instantsKeepTheirTime() {
        List<Instant> times = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("2026-11-02T06:00:00.000001Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z")));
        Random random = new Random(20261206);
        for (int i = 0; i < 10_000; i++) {
            times.add(Instant.ofEpochSecond(
                    random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000)));
        }

        for (Instant time : times) {
            OffsetDateTime converted = MultiRowInsert.utc(time);
            assertThat(converted).as("%s", time).isEqualTo(time.atOffset(ZoneOffset.UTC));
            assertThat(converted.getOffset()).isEqualTo(ZoneOffset.UTC);
        }
    }

    @Test
    void oneTypedArrayPerColumn() {
        List<Column> columns = List.of(new Column("serial", "text"), new Column("at", "timestamptz"));
        record Row(String serial, Instant at) {}
        List<Row> rows = List.of(
                new Row("SN-1", Instant.parse("2026-11-02T06:00:00Z")),
                new Row("SN-2", Instant.parse("2026-11-02T06:00:01.5Z")));

        Tuple tuple = MultiRowInsert.arrays("devices", columns, rows, row -> new Object[] {row.serial(), row.at()});

        assertThat(tuple.size()).isEqualTo(2);
        assertThat((String[]) tuple.getValue(0)).containsExactly("SN-1", "SN-2");
        assertThat((OffsetDateTime[]) tuple.getValue(1))
                .containsExactly(
                        OffsetDateTime.parse("2026-11-02T06:00:00Z"), OffsetDateTime.parse("2026-11-02T06:00:01.5Z"));
    }
}
