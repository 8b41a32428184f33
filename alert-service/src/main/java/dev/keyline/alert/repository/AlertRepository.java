package dev.keyline.alert.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads and writes {@code alerts}. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<AlertEntity, UUID> {

    public Uni<AlertEntity> findByIdentity(String identity) {
        return find("identity", identity).firstResult();
    }

    /** Returns the alerts that match every criterion of the filter, most recently seen first. */
    public Uni<List<AlertEntity>> search(AlertFilter filter) {
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
        if (filter.keyId() != null) {
            parameters.add(filter.keyId());
            conditions.add(labelCondition("keyId", parameters.size()));
        }
        if (filter.lineId() != null) {
            parameters.add(filter.lineId());
            conditions.add(labelCondition("lineId", parameters.size()));
        }

        // NOTE: the result has no size limit, so a deployment that keeps many thousands of alerts needs paging here.
        String sql = "SELECT * FROM alerts"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY last_seen DESC, identity";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, AlertEntity.class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query.getResultList();
        });
    }

    /**
     * Returns a condition that the label has the value of the given parameter. The object is built in SQL because a
     * text parameter cast to jsonb would be sent by the reactive driver as a JSON string, not as an object.
     */
    private static String labelCondition(String label, int parameter) {
        return "labels @> jsonb_build_object('" + label + "', CAST(?" + parameter + " AS text))";
    }
}
