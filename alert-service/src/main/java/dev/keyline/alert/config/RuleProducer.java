package dev.keyline.alert.config;

import dev.keyline.alert.domain.ActivationFailureSpikeRule;
import dev.keyline.alert.domain.AlertRules;
import dev.keyline.alert.domain.ConsumptionAboveProductionRule;
import dev.keyline.alert.domain.DepletionForecastRule;
import dev.keyline.alert.domain.KeyExhaustedRule;
import dev.keyline.alert.domain.KeyLowRule;
import dev.keyline.alert.domain.KeyOverCommittedRule;
import dev.keyline.alert.domain.RepeatActivationRule;
import dev.keyline.alert.domain.UnexplainedConsumptionRule;
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
        AlertsConfig.DepletionForecast forecast = config.depletionForecast();
        AlertsConfig.FailureSpike spike = config.activationFailureSpike();
        return new AlertRules(
                new KeyLowRule(config.keyLow().threshold(), config.keyLow().recoveryMargin()),
                new KeyExhaustedRule(config.keyExhausted().threshold()),
                new KeyOverCommittedRule(config.keyOverCommitted().tolerance()),
                new DepletionForecastRule(
                        forecast.window(),
                        forecast.reorderLeadTime(),
                        forecast.minHistory(),
                        forecast.recoveryMargin()),
                new UnexplainedConsumptionRule(config.unexplainedConsumption().tolerance()),
                new ConsumptionAboveProductionRule(
                        config.consumptionAboveProduction().tolerance(),
                        config.consumptionAboveProduction().maxListedSerials()),
                new RepeatActivationRule(
                        config.repeatActivation().window(),
                        config.repeatActivation().uwfRepeats()),
                new ActivationFailureSpikeRule(
                        spike.window(), spike.baseline(), spike.minFailures(), spike.minRate(), spike.factor()));
    }

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
