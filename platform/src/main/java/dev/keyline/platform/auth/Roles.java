package dev.keyline.platform.auth;

/** The roles a bearer token can carry. */
public final class Roles {

    /** Registers, tops up and retires keys, manages alerts. */
    public static final String OPERATOR = "operator";

    /** Reads balances, journals, devices and alerts; changes nothing. */
    public static final String AUDITOR = "auditor";

    /** A line station reporting as the line and station its token is bound to. */
    public static final String STATION = "station";

    private Roles() {}
}
