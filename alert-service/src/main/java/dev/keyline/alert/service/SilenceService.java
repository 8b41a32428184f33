package dev.keyline.alert.service;

import dev.keyline.alert.domain.LabelMatcher;
import dev.keyline.alert.domain.Silence;
import dev.keyline.alert.repository.SilenceEntity;
import dev.keyline.alert.repository.SilenceMatchers;
import dev.keyline.alert.repository.SilenceRepository;
import dev.keyline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Creates, lists and expires silences. A silence takes effect for changes made after it was stored. */
@ApplicationScoped
public class SilenceService {

    private static final Logger LOG = Logger.getLogger(SilenceService.class);

    private final SilenceRepository silences;

    public SilenceService(SilenceRepository silences) {
        this.silences = silences;
    }

    public Uni<Silence> create(
            List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        SilenceEntity row = new SilenceEntity();
        row.id = UUID.randomUUID();
        row.matchers = SilenceMatchers.toJson(matchers);
        row.startsAt = startsAt;
        row.endsAt = endsAt;
        row.createdBy = createdBy;
        row.comment = comment;

        return Panache.withTransaction(() -> silences.persist(row))
                .map(SilenceRepository::toSilence)
                .invoke(silence -> LOG.infof(
                        "operator %s created silence %s from %s to %s with %d matchers",
                        createdBy, silence.id(), startsAt, endsAt, matchers.size()));
    }

    /** Returns every silence, newest first, expired ones included. Callers open the session. */
    public Uni<List<Silence>> list() {
        return silences.findAllNewestFirst()
                .map(rows -> rows.stream().map(SilenceRepository::toSilence).toList());
    }

    /** Returns the silence; a 404 problem when there is none with this id. Callers open the session. */
    public Uni<Silence> find(UUID id) {
        return silences.findById(id).map(row -> {
            if (row == null) {
                throw notFound(id);
            }
            return SilenceRepository.toSilence(row);
        });
    }

    /**
     * Ends the silence now: a pending one never starts, an active one stops matching. An expired silence stays as it
     * is. Returns the silence as stored afterwards.
     */
    public Uni<Silence> expire(UUID id, String operator) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> silences.findById(id).map(row -> {
            if (row == null) {
                throw notFound(id);
            }
            if (row.endsAt.isAfter(now)) {
                row.endsAt = now;
                if (row.startsAt.isAfter(now)) {
                    row.startsAt = now;
                }
                row.expiredBy = operator;
                LOG.infof("operator %s expired silence %s", operator, id);
            } else {
                LOG.infof("operator %s expired silence %s, which had already ended at %s", operator, id, row.endsAt);
            }
            return SilenceRepository.toSilence(row);
        }));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(
                "silence", id.toString(), "list the silences with GET /api/v1/silences for valid ids");
    }
}
