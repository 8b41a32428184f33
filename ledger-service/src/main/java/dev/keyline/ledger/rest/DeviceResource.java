package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.DeviceEntity;
import dev.keyline.ledger.repository.DeviceEventEntity;
import dev.keyline.ledger.service.DeviceAdministrationService;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.platform.problem.QueryNumbers;
import dev.keyline.schemas.keys.KeyRedactor;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Reads device records (operators and auditors). */
@Path("/api/v1/devices")
public class DeviceResource {

    private static final int MAX_PAGE_SIZE = 1000;

    private final DeviceAdministrationService administration;

    public DeviceResource(DeviceAdministrationService administration) {
        this.administration = administration;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<DevicePage> list(
            @QueryParam("keyId") String keyId,
            @QueryParam("lineId") String lineId,
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") String pageParameter,
            @Parameter(description = "entries per page, 1 to 1000") @QueryParam("size") @DefaultValue("100")
                    String sizeParameter) {
        int page = QueryNumbers.read("page", pageParameter, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = QueryNumbers.read("size", sizeParameter, 1, MAX_PAGE_SIZE);
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
    @Produces(MediaType.APPLICATION_JSON)
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

    /** Returns the device's record as {@link #get} does, as CSV with a header and one row. */
    @GET
    @Path("/{serial}")
    @WithSession
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<String> getCsv(@PathParam("serial") String serial) {
        return get(serial).map(device -> Csv.document(DeviceResponse.CSV_HEADER, List.of(device.csvRow())));
    }

    @GET
    @Path("/{serial}/history")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<DeviceHistoryResponse> history(@PathParam("serial") String serial) {
        return get(serial).chain(device -> DeviceEventEntity.<DeviceEventEntity>find("serial", Sort.by("seq"), serial)
                .list()
                .map(events -> new DeviceHistoryResponse(
                        device, events.stream().map(DeviceEventResponse::of).toList())));
    }

    /** Scraps a device; a device that never activated gives its commitment back to its key. */
    @POST
    @Path("/{serial}/scrap")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DeviceResponse> scrap(@PathParam("serial") String serial, @Valid @NotNull ScrapRequest request) {
        // Free text is masked before it is stored or logged, because an operator may paste a key into it. It is masked
        // in every spelling, lower case and spaced groups included, because masking a word that is no key costs
        // nothing.
        String reason = KeyRedactor.maskForEcho(request.reason());
        References.requireNoKeyLeft("reason", reason);
        return administration.scrap(serial, reason).map(DeviceResponse::of);
    }

    @GET
    @Path("/{serial}/history")
    @WithSession
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<String> historyCsv(@PathParam("serial") String serial) {
        return history(serial).map(history -> history.events().stream()
                .map(event -> String.join(
                        ",",
                        Long.toString(event.seq()),
                        Csv.field(event.eventId()),
                        event.eventType(),
                        Csv.field(event.keyId()),
                        Csv.field(event.lineId()),
                        Csv.field(event.stationId()),
                        Csv.field(event.detail()),
                        event.occurredAt().toString(),
                        event.bookedAt() == null ? "" : event.bookedAt().toString()))
                .collect(java.util.stream.Collectors.joining(
                        "\n",
                        "seq,event_id,event_type,key_id,line_id,station_id,detail,occurred_at,booked_at\n",
                        "\n")));
    }
}
