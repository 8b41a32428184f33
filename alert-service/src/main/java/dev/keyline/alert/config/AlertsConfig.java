package dev.keyline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the alert rules and of event processing. */
@ConfigMapping(prefix = "keyline.alerts")
public interface AlertsConfig {

    /** Base URL of this service as operators reach it; alerts sent to Alertmanager link to it. */
    @WithDefault("http://localhost:8083")
    String externalUrl();

    KeyLow keyLow();

    KeyExhausted keyExhausted();

    KeyOverCommitted keyOverCommitted();

    DepletionForecast depletionForecast();

    UnexplainedConsumption unexplainedConsumption();

    ConsumptionAboveProduction consumptionAboveProduction();

    RepeatActivation repeatActivation();

    FailureSpike activationFailureSpike();

    Processing processing();

    Facts facts();

    ProcessedEvents processedEvents();

    LiveStream stream();

    /** The {@code key-low} rule. */
    interface KeyLow {

        /** The rule fires when a key's available activations drop below this count. */
        @WithDefault("20")
        long threshold();

        /** A firing alert resolves once the available count reaches {@code threshold + recoveryMargin}. */
        @WithDefault("5")
        long recoveryMargin();
    }

    /** The {@code key-exhausted} rule. */
    interface KeyExhausted {

        /** The rule fires when a key's available activations are at or below this count. */
        @WithDefault("0")
        long threshold();
    }

    /** The {@code key-over-committed} rule. */
    interface KeyOverCommitted {

        /** Activations by which committed plus consumed may exceed the allotment before the rule fires. */
        @WithDefault("0")
        long tolerance();
    }

    /** The {@code depletion-forecast} rule. */
    interface DepletionForecast {

        /** The recent period whose rate of use is projected forward. */
        @WithDefault("7d")
        Duration window();

        /** How long it takes to get more activations; the rule fires when a key runs out sooner. */
        @WithDefault("30d")
        Duration reorderLeadTime();

        /** The shortest history a forecast is made from, when the key's history is shorter than the window. */
        @WithDefault("1d")
        Duration minHistory();

        /** A firing forecast resolves once the key lasts longer than the lead time plus this margin. */
        @WithDefault("7d")
        Duration recoveryMargin();
    }

    /** The {@code unexplained-consumption} rule. */
    interface UnexplainedConsumption {

        /** Activations Microsoft may count beyond the ledger's consumption before the rule fires. */
        @WithDefault("3")
        long tolerance();
    }

    /** The {@code consumption-above-production} rule. */
    interface ConsumptionAboveProduction {

        /** Devices by which activations on a line may exceed its provisioned devices before the rule fires. */
        @WithDefault("10")
        long tolerance();

        /** The maximum number of unmatched serials an alert lists. */
        @WithDefault("10")
        int maxListedSerials();
    }

    /** The {@code repeat-activation} rule. */
    interface RepeatActivation {

        /** The period in which a device's successful activations with UWF on are counted. */
        @WithDefault("24h")
        Duration window();

        /**
         * Repeats with UWF on, after a device's first activation with UWF on, within the window that fire the rule.
         */
        @WithDefault("2")
        int uwfRepeats();
    }

    /** The {@code activation-failure-spike} rule. */
    interface FailureSpike {

        /** The recent period whose failure rate is compared with the baseline. */
        @WithDefault("1h")
        Duration window();

        /** The period before the window that gives the baseline failure rate. */
        @WithDefault("24h")
        Duration baseline();

        /** The minimum number of failures in the window that can fire the rule. */
        @WithDefault("10")
        long minFailures();

        /** The lowest failure rate in the window, from 0 to 1, that can fire the rule. */
        @WithDefault("0.2")
        double minRate();

        /** How many times the baseline rate the window's rate must reach to fire the rule. */
        @WithDefault("3")
        double factor();
    }

    /** The activation attempts and balance samples that the rules read, kept in PostgreSQL. */
    interface Facts {

        /**
         * How long facts are kept, counted back from the newest fact of their table. It must cover the longest window
         * of a rule, or the service does not start.
         */
        @WithDefault("30d")
        Duration retention();

        /** How often old facts are deleted, such as {@code 1h}, or {@code off}. */
        @WithDefault("1h")
        String pruningInterval();
    }

    /** The ids of applied events, kept so that a redelivered event changes nothing. */
    interface ProcessedEvents {

        /**
         * How long an applied event's id is kept, counted back from now. A record redelivered after that, such as
         * after resetting the consumer group's offsets, is applied again.
         */
        @WithDefault("30d")
        Duration retention();

        /** How often the ids older than the retention are deleted, such as {@code 1h}, or {@code off}. */
        @WithDefault("1h")
        String pruningInterval();
    }

    /** Retries of an event whose processing failed, such as while PostgreSQL cannot be reached. */
    interface Processing {

        /** Retries after the first failure before the record goes to the dead-letter topic. */
        @WithDefault("3")
        int maxRetries();

        /** Wait before the first retry. Later waits grow exponentially, with random jitter. */
        @WithDefault("1s")
        Duration initialBackoff();
    }

    /** The server-sent event stream of alert changes. */
    interface LiveStream {

        /**
         * How often a quiet stream sends a comment line, so that proxies and load balancers that close idle
         * connections keep it open, and a client can tell a quiet stream from a broken one.
         */
        @WithDefault("20s")
        Duration keepAlive();
    }
}
