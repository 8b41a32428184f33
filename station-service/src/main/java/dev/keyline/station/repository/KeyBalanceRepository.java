package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the {@code key_balances} table in the caller's Hibernate session. */
@ApplicationScoped
public class KeyBalanceRepository implements PanacheRepositoryBase<KeyBalanceEntity, String> {

    public Uni<List<KeyBalanceEntity>> byPartialKey(String partialKey) {
        return list("partialKey", partialKey);
    }

    /** Returns the ids of the keys whose latest balance has {@code partialKey}, in id order. */
    public Uni<List<String>> keyIdsWithPartialKey(String partialKey) {
        return list("partialKey", Sort.by("keyId"), partialKey)
                .map(balances -> balances.stream().map(balance -> balance.keyId).toList());
    }

    /** Returns the key ids of registered keys by fingerprint. */
    public Uni<List<KeyBalanceEntity>> withFingerprint() {
        return list("fingerprint is not null");
    }
}
