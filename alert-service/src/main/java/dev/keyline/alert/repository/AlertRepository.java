package dev.keyline.alert.repository;

import dev.keyline.alert.domain.AlertRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads and writes {@code alerts}. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, UUID> {

    private static final String ACTIVE = "status IN ('firing', 'acknowledged')";

    public Uni<AlertEntity> findByIdentity(String identity) {
        return find("identity", identity).firstResult();
    }

    /** Returns one page of the alerts that match every criterion of the filter, most recently seen first. */
    public Uni<List<AlertEntity>> search(AlertFilter filter, int page, int size) {
        Where where = where(filter);
        String sql = "SELECT * FROM alerts" + where.clause() + " ORDER BY last_seen DESC, identity LIMIT " + size
                + " OFFSET " + (long) page * size;
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, AlertEntity.class);
            for (int i = 0; i < where.parameters().size(); i++) {
                query.setParameter(i + 1, where.parameters().get(i));
            }
            return query.getResultList();
        });
    }

    /** Returns how many alerts match every criterion of the filter. */
    public Uni<Long> count(AlertFilter filter) {
        Where where = where(filter);
        String sql = "SELECT count(*) FROM alerts" + where.clause();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Long.class);
            for (int i = 0; i < where.parameters().size(); i++) {
                query.setParameter(i + 1, where.parameters().get(i));
            }
            return query.getSingleResult();
        });
    }

    /** Returns the active alerts of {@code rule} whose labels contain every one of {@code labels}. */
    public Uni<List<AlertEntity>> findActive(AlertRule rule, Map<String, String> labels) {
        List<String> conditions = new ArrayList<>(List.of(ACTIVE, "rule = ?1"));
        List<Object> parameters = new ArrayList<>(List.of(rule.wireName()));
        for (Map.Entry<String, String> label : labels.entrySet()) {
            parameters.add(label.getValue());
            conditions.add(labelCondition(label.getKey(), parameters.size()));
        }
        String sql = "SELECT * FROM alerts WHERE " + String.join(" AND ", conditions) + " ORDER BY identity";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, AlertEntity.class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.getResultList();
        });
    }

    /** Returns the active alerts, and those resolved at or after {@code resolvedSince} (wall-clock time). */
    public Uni<List<AlertEntity>> findDeliverable(Instant resolvedSince) {
        return list(
                "status in ('firing', 'acknowledged') or (status = 'resolved' and updatedAt >= ?1) order by identity",
                resolvedSince);
    }

    private static Where where(AlertFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.status() != null) {
            parameters.add(filter.status().wireName());
            conditions.add("status = ?" + parameters.size());
        }
        if (filter.rule() != null) {
            parameters.add(filter.rule().wireName());
            conditions.add("rule = ?" + parameters.size());
        }
        if (filter.severity() != null) {
            parameters.add(filter.severity().wireName());
            conditions.add("severity = ?" + parameters.size());
        }
        for (Map.Entry<String, String> label : filter.labels().entrySet()) {
            parameters.add(label.getValue());
            conditions.add(labelCondition(label.getKey(), parameters.size()));
        }
        String clause = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Where(clause, parameters);
    }

    /**
     * Returns a condition that the label has the value of the given parameter. The object is built in SQL because a
     * text parameter cast to jsonb would be sent by the reactive driver as a JSON string, not as an object. Label
     * names come from code, never from a request.
     */
    private static String labelCondition(String label, int parameter) {
        return "labels @> jsonb_build_object('" + label + "', CAST(?" + parameter + " AS text))";
    }

    private record Where(String clause, List<Object> parameters) {}
}
