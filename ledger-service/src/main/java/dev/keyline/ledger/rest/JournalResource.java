package dev.keyline.ledger.rest;

import dev.keyline.ledger.config.AuditConfig;
import dev.keyline.ledger.domain.ChainVerification;
import dev.keyline.ledger.domain.JournalRow;
import dev.keyline.ledger.service.AuditService;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.platform.problem.QueryNumbers;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A key's journal for auditors: entries by time range (JSON or CSV with the hashes) and chain verification. */
@Path("/api/v1/keys/{keyId}/journal")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class JournalResource {

    private static final int MAX_PAGE_SIZE = 1000;

    /**
     * The first and last instants a query may name: years of four digits. PostgreSQL and the conversions on the way
     * fail or wrap around far outside them.
     */
    static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

    private final AuditService audit;
    private final AuditConfig config;

    public JournalResource(AuditService audit, AuditConfig config) {
        this.audit = audit;
        this.config = config;
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JournalPage> entries(
            @PathParam("keyId") String keyId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") String pageParameter,
            @Parameter(description = "entries per page, 1 to 1000") @QueryParam("size") @DefaultValue("100")
                    String sizeParameter) {
        int page = QueryNumbers.read("page", pageParameter, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = QueryNumbers.read("size", sizeParameter, 1, MAX_PAGE_SIZE);
        TimeRange range = TimeRange.of(from, to);
        Instant start = range.from();
        Instant end = range.to();
        return audit.requireKey(keyId)
                .chain(key -> audit.journal(keyId, start, end).count())
                .chain(total -> audit.journalPage(keyId, start, end, page, size)
                        .map(entries -> new JournalPage(
                                total,
                                page,
                                size,
                                entries.stream().map(JournalEntryResponse::of).toList())));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    public Uni<String> entriesCsv(
            @PathParam("keyId") String keyId, @QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.of(from, to);
        StringBuilder csv = new StringBuilder(JournalEntryResponse.CSV_HEADER).append('\n');
        return audit.exportJournal(keyId, range.from(), range.to(), config.maxCsvEntries(), page -> {
                    for (JournalRow row : page) {
                        csv.append(JournalEntryResponse.of(row).csvRow()).append('\n');
                    }
                })
                .map(ignored -> csv.toString());
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ChainVerification> verify(@PathParam("keyId") String keyId) {
        return audit.verify(keyId);
    }

    /** Rejects a range whose start is after its end, which would match no entry and look like an empty journal. */
    static void requireOrder(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw ProblemException.invalidField(
                    "from", "is " + from + ", after to " + to, "send a from that is at or before to, or leave one out");
        }
    }

    /**
     * Returns the instant a query parameter names, or {@code fallback} when it is absent or blank. An unreadable
     * instant, or one outside {@link #FIRST_INSTANT} to {@link #LAST_INSTANT}, fails with 400.
     */
    static Instant instant(String parameter, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    parameter, "is not an ISO-8601 instant", "send a UTC instant such as 2026-12-01T00:00:00Z");
        }
        if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
            throw ProblemException.invalidField(
                    parameter,
                    "is " + instant + ", outside " + FIRST_INSTANT + " to " + LAST_INSTANT,
                    "send an instant within those years");
        }
        return instant;
    }

    /**
     * Returns an instant that includes the entries booked at or before it, rounded down to the microsecond, so that
     * PostgreSQL does not round it up to an entry booked after it.
     */
    static Instant inclusiveInstant(String parameter, String value, Instant fallback) {
        return instant(parameter, value, fallback).truncatedTo(ChronoUnit.MICROS);
    }
}
