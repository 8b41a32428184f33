package dev.keyline.station.support;

/** Bearer tokens of the test profile. application.properties contains only their SHA-256. */
public final class Tokens {

    public static final String IMAGING_STATION = "station-line-1-imaging-01-test-token";
    public static final String ACTIVATION_STATION = "station-line-1-activation-01-test-token";
    public static final String OPERATOR = "operator-test-token";

    private Tokens() {}
}
