package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.ledger.service.AuditService;
import dev.keyline.ledger.service.BalanceAsOf;
import dev.keyline.ledger.service.KeyAdministrationService;
import dev.keyline.ledger.service.KeyRegistrationService;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.EventTime;
import dev.keyline.schemas.keys.KeyRedactor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Registers keys (operators) and reads their balances (operators and auditors). */
@Path("/api/v1/keys")
public class KeyResource {

    private final KeyRegistrationService registration;
    private final KeyAdministrationService administration;
    private final AuditService audit;

    public KeyResource(
            KeyRegistrationService registration, KeyAdministrationService administration, AuditService audit) {
        this.registration = registration;
        this.administration = administration;
        this.audit = audit;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "Registered; Location names the key")
    @APIResponse(responseCode = "400", description = "An invalid member, such as a key id that is a product key")
    @APIResponse(responseCode = "409", description = "The key id or the product key is already registered")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<KeyBalanceResponse>> register(@Valid @NotNull RegisterKeyRequest request) {
        Instant latest = ClientClock.latestPastTime();
        if (request.grantedAt() != null && request.grantedAt().isAfter(latest)) {
            throw ProblemException.invalidField(
                    "grantedAt",
                    "is " + request.grantedAt() + ", later than now (" + latest + " with clock tolerance)",
                    "give the time Microsoft granted the allotment, or leave grantedAt out to use now");
        }
        if (request.grantedAt() != null && request.grantedAt().isBefore(EventTime.EARLIEST_PLAUSIBLE)) {
            throw ProblemException.invalidField(
                    "grantedAt",
                    "is " + request.grantedAt() + ", before " + EventTime.EARLIEST_PLAUSIBLE,
                    "give the time Microsoft granted the allotment, or leave grantedAt out to use now");
        }
        return registration
                .register(request.keyId(), request.productKey(), request.allotment(), request.grantedAt())
                .map(key -> RestResponse.ResponseBuilder.create(Response.Status.CREATED, KeyBalanceResponse.of(key))
                        .location(URI.create("/api/v1/keys/" + key.keyId))
                        .type(MediaType.APPLICATION_JSON)
                        .build());
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
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

    @POST
    @Path("/{keyId}/top-ups")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KeyBalanceResponse> topUp(@PathParam("keyId") String keyId, @Valid @NotNull TopUpRequest request) {
        References.requireNoKey(request.reference());
        return administration
                .topUp(keyId, request.activations(), request.reference())
                .map(KeyBalanceResponse::of);
    }

    @POST
    @Path("/{keyId}/unblock")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "200", description = "Unblocked: active, or exhausted as before the block")
    @APIResponse(responseCode = "400", description = "No reference, or one that is not allowed")
    @APIResponse(responseCode = "404", description = "No key with this id")
    @APIResponse(
            responseCode = "409",
            description = "The key is not blocked, was retired, or the reference unblocked it before")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KeyBalanceResponse> unblock(@PathParam("keyId") String keyId, @Valid @NotNull UnblockRequest request) {
        References.requireNoKey(request.reference());
        return administration.unblock(keyId, request.reference()).map(KeyBalanceResponse::of);
    }

    @POST
    @Path("/{keyId}/retire")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<KeyBalanceResponse> retire(@PathParam("keyId") String keyId, @Valid RetireRequest request) {
        // The reason is masked as a scrap's is, because an operator may paste a key into it.
        String reason = request == null || request.reason() == null ? null : KeyRedactor.maskForEcho(request.reason());
        References.requireNoKeyLeft("reason", reason);
        return administration.retire(keyId, reason).map(KeyBalanceResponse::of);
    }

    /** Retires a key without a reason, for a request without a body, whatever Content-Type it names. */
    @POST
    @Path("/{keyId}/retire")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(hidden = true)
    public Uni<KeyBalanceResponse> retireWithoutReason(@PathParam("keyId") String keyId, String body) {
        if (body != null && !body.isBlank()) {
            // A JSON body goes to retire(), so this one is in another type and would be dropped without a word.
            throw new NotSupportedException();
        }
        return administration.retire(keyId, null).map(KeyBalanceResponse::of);
    }

    /** The balance as the journal stood at {@code at} (default now), by the time entries were booked. */
    @GET
    @Path("/{keyId}/balance")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<BalanceAsOf> balanceAsOf(@PathParam("keyId") String keyId, @QueryParam("at") String at) {
        return audit.balanceAsOf(keyId, JournalResource.inclusiveInstant("at", at, Instant.now()));
    }

    /** Returns the balance as {@link #balanceAsOf} does, as CSV with a header and one row. */
    @GET
    @Path("/{keyId}/balance")
    @WithSession
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<String> balanceAsOfCsv(@PathParam("keyId") String keyId, @QueryParam("at") String at) {
        return balanceAsOf(keyId, at).map(BalanceAsOfCsv::document);
    }

    @GET
    @WithSession
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<String> listCsv() {
        return list().map(keys -> Csv.document(
                KeyBalanceResponse.CSV_HEADER,
                keys.stream().map(KeyBalanceResponse::csvRow).toList()));
    }
}
