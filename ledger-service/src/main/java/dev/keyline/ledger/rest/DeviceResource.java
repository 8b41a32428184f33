package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.DeviceEntity;
import dev.keyline.ledger.repository.DeviceEventEntity;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;

/** Reads device records (operators and auditors). */
@Path("/api/v1/devices")
public class DeviceResource {

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<DevicePage> list(
            @QueryParam("keyId") String keyId,
            @QueryParam("lineId") String lineId,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size")
                    @DefaultValue("100")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 1000, message = "must be at most 1000")
                    int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (keyId != null) {
            conditions.add("keyId = :keyId");
            parameters.and("keyId", keyId);
        }
        if (lineId != null) {
            conditions.add("lineId = :lineId");
            parameters.and("lineId", lineId);
        }
        PanacheQuery<DeviceEntity> query = conditions.isEmpty()
                ? DeviceEntity.findAll(Sort.by("serial"))
                : DeviceEntity.find(String.join(" and ", conditions), Sort.by("serial"), parameters);
        query.page(Page.of(page, size));
        return query.count().chain(total -> query.list()
                .map(devices -> new DevicePage(
                        total,
                        page,
                        size,
                        devices.stream().map(DeviceResponse::of).toList())));
    }

    @GET
    @Path("/{serial}")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<DeviceResponse> get(@PathParam("serial") String serial) {
        return DeviceEntity.<DeviceEntity>findById(serial).map(device -> {
            if (device == null) {
                throw ProblemException.notFound(
                        "device", serial, "check the serial; the ledger knows devices a station reported");
            }
            return DeviceResponse.of(device);
        });
    }

    @GET
    @Path("/{serial}/history")
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<DeviceHistoryResponse> history(@PathParam("serial") String serial) {
        return get(serial).chain(device -> DeviceEventEntity.<DeviceEventEntity>find("serial", Sort.by("seq"), serial)
                .list()
                .map(events -> new DeviceHistoryResponse(
                        device, events.stream().map(DeviceEventResponse::of).toList())));
    }
}
