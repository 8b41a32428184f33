package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.ledger.service.KeyRegistrationService;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Registers keys (operators) and reads their balances (operators and auditors). */
@Path("/api/v1/keys")
public class KeyResource {

    private final KeyRegistrationService registration;

    public KeyResource(KeyRegistrationService registration) {
        this.registration = registration;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    public Uni<RestResponse<KeyBalanceResponse>> register(@Valid @NotNull RegisterKeyRequest request) {
        return registration
                .register(request.keyId(), request.productKey(), request.allotment())
                .map(key -> RestResponse.ResponseBuilder.create(Response.Status.CREATED, KeyBalanceResponse.of(key))
                        .location(URI.create("/api/v1/keys/" + key.keyId))
                        .type(MediaType.APPLICATION_JSON)
                        .build());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<List<KeyBalanceResponse>> list() {
        return ProductKeyEntity.<ProductKeyEntity>listAll(io.quarkus.panache.common.Sort.by("keyId"))
                .map(keys -> keys.stream().map(KeyBalanceResponse::of).toList());
    }

    @GET
    @Path("/{keyId}")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<KeyBalanceResponse> get(@PathParam("keyId") String keyId) {
        return ProductKeyEntity.<ProductKeyEntity>findById(keyId).map(key -> {
            if (key == null) {
                throw ProblemException.notFound("key", keyId, "list registered keys with GET /api/v1/keys");
            }
            return KeyBalanceResponse.of(key);
        });
    }
}
