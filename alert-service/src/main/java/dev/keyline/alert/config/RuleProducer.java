package dev.keyline.alert.config;

import dev.keyline.alert.domain.AlertRules;
import dev.keyline.alert.domain.KeyLowRule;
import dev.keyline.schemas.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the rules from configuration and shares one event codec, whose schemas are costly to load. */
@ApplicationScoped
public class RuleProducer {

    @Produces
    @Singleton
    AlertRules alertRules(AlertsConfig config) {
        return new AlertRules(
                new KeyLowRule(config.keyLow().threshold(), config.keyLow().recoveryMargin()));
    }

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
