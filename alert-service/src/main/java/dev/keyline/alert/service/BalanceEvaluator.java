package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertRules;
import dev.keyline.alert.domain.Evaluation;
import dev.keyline.alert.domain.ExhaustionMark;
import dev.keyline.alert.repository.BalanceSampleRepository;
import dev.keyline.alert.repository.KeyFactsRepository;
import dev.keyline.alert.repository.KeyFactsRow;
import dev.keyline.schemas.events.BalanceChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records a key's balance (its facts and a sample of its available count) and evaluates the balance rules, in the
 * caller's transaction.
 */
@ApplicationScoped
public class BalanceEvaluator {

    private static final Logger LOG = Logger.getLogger(BalanceEvaluator.class);

    private final AlertRules rules;
    private final KeyFactsRepository keys;
    private final BalanceSampleRepository samples;

    public BalanceEvaluator(AlertRules rules, KeyFactsRepository keys, BalanceSampleRepository samples) {
        this.rules = rules;
        this.keys = keys;
        this.samples = samples;
    }

    public Uni<List<Evaluation>> evaluate(String eventId, Instant at, BalanceChanged balance) {
        return keys.find(balance.keyId()).chain(previous -> {
            Optional<ExhaustionMark> mark = ExhaustionMark.afterBalance(
                    previous.flatMap(KeyFactsRow::exhaustionMark),
                    previous.map(KeyFactsRow::state).orElse(null),
                    balance);
            if (mark.isPresent()
                    != previous.flatMap(KeyFactsRow::exhaustionMark).isPresent()) {
                LOG.infof(
                        "event %s %s the exhaustion mark of key %s",
                        eventId, mark.isPresent() ? "set" : "cleared", balance.keyId());
            }

            return keys.saveBalance(balance, mark)
                    .chain(() -> samples.append(eventId, balance.keyId(), at, balance.available()))
                    .chain(() -> samples.history(
                            balance.keyId(), rules.depletionForecast().windowStart(at), at))
                    .map(history -> rules.onBalance(balance, at, mark, history));
        });
    }
}
