package dev.keyline.platform.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code Authorization: Bearer <token>} and hands the token to {@link TokenIdentityProvider}. */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer ";
    private static final String AUTHORIZATION = "Authorization";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().headers().getAll(AUTHORIZATION).size() > 1) {
            // Two credentials leave open which one the request acts with, so it is refused rather than guessed.
            return Uni.createFrom().failure(new AuthenticationFailedException("more than one Authorization header"));
        }
        Optional<String> token = token(context);
        if (token.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(token.get()));
    }

    /** Returns the bearer token of the request's one {@code Authorization} header, if it has exactly one. */
    public static Optional<String> token(RoutingContext context) {
        List<String> headers = context.request().headers().getAll(AUTHORIZATION);
        String header = headers.size() == 1 ? headers.get(0) : null;
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()).trim());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"keyline\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
