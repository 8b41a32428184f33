package dev.keyline.alert.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Runs native SQL in the current session and converts the column values it returns. */
final class NativeRows {

    private NativeRows() {}

    /** Runs an INSERT, UPDATE or DELETE with positional parameters {@code ?1, ?2, ...}; returns the rows changed. */
    static Uni<Integer> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    /** Runs a SELECT with positional parameters and returns its rows as arrays of column values. */
    static Uni<List<Object[]>> select(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getResultList();
        });
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException(
                "expected a timestamp column but got " + value.getClass().getName());
    }

    static Long longValue(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static Boolean booleanValue(Object value) {
        return (Boolean) value;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
