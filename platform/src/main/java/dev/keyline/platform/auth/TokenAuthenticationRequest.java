package dev.keyline.platform.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token taken from the {@code Authorization} header, waiting to be checked. */
public class TokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public TokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
