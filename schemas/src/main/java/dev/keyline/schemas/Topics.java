package dev.keyline.schemas;

/** Kafka topic names; the AsyncAPI document {@code keyline/asyncapi.yaml} describes each one. */
public final class Topics {

    /** Station reports as CloudEvents, keyed by key id (the partial key while the key id is unknown). */
    public static final String LINE_EVENTS = "keyline.line-events";

    /** Balances and findings the ledger publishes after booking, keyed by key id or device serial. */
    public static final String LEDGER_EVENTS = "keyline.ledger-events";

    /** Alert changes from the alert service, keyed by alert id. */
    public static final String ALERTS = "keyline.alerts";

    /** Records of {@link #LINE_EVENTS} that a consumer could not read, with the reason in headers. */
    public static final String LINE_EVENTS_DLQ = "keyline.line-events.dlq";

    /** Records of {@link #LEDGER_EVENTS} that a consumer could not read, with the reason in headers. */
    public static final String LEDGER_EVENTS_DLQ = "keyline.ledger-events.dlq";

    private Topics() {}
}
