package dev.keyline.station.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.auth.BearerTokenMechanism;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.auth.TokenEntry;
import dev.keyline.platform.auth.TokenRegistry;
import dev.keyline.platform.http.ProductKeyInUrl;
import dev.keyline.platform.http.RouteProblem;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.domain.ExposureEvents;
import dev.keyline.station.domain.ExposureNotice;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.KeyExposure;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.service.ExposureLogging;
import dev.keyline.station.service.ReportPublisher;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records a full product key that a station sent in a request's URL or {@code Idempotency-Key} header as exposed, and
 * rejects the request with a 400 problem that names the exposure events. The key has left the station either way, so
 * operations must hear of it as they do of a key in a report body.
 *
 * <p>Only a request with a valid station token is attributed and published, because an exposure event names the line
 * and station that leaked the key, and a caller without one must not be able to raise alerts. Other requests pass on
 * to the platform's {@link ProductKeyInUrl}, which rejects a key in the URL without an event, and to the endpoints,
 * which reject a key in the header. This filter runs before both, and before authentication and any endpoint.
 */
@ApplicationScoped
public class KeyInRequestExposure {

    private static final Logger LOG = Logger.getLogger(KeyInRequestExposure.class);
    /** The route order: after the platform's check for NUL characters (-6), before its check for URL keys (-4). */
    private static final int ORDER = -5;
    /** The {@code report} of the exposure events: the key was in the request itself, not in a report's content. */
    static final String REPORT = "request";

    private static final String NOT_RECORDED = " The request contained a full product key, and recording it as exposed"
            + " failed, so no exposure event was published: send the same request again to record it, or tell"
            + " operations which key leaked.";

    private final KeyRedactor redactor;
    private final TokenRegistry tokens;
    private final ReportPublisher publisher;
    private final ObjectMapper json;

    public KeyInRequestExposure(
            KeyRedactor redactor, TokenRegistry tokens, ReportPublisher publisher, ObjectMapper json) {
        this.redactor = redactor;
        this.tokens = tokens;
        this.publisher = publisher;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        List<FieldError> urlErrors = ProductKeyInUrl.errors(context);
        List<KeyExposure> exposures = new ArrayList<>();
        if (!urlErrors.isEmpty()) {
            for (String key : ProductKeyInUrl.keysInPath(context.request().path())) {
                exposures.addAll(found("URL path", key));
            }
            String query = context.request().query();
            if (query != null) {
                exposures.addAll(found("URL query", ProductKeyInUrl.decoded(query)));
            }
        }
        for (String value : context.request().headers().getAll(IdempotencyKey.HEADER)) {
            exposures.addAll(headerExposures(value));
        }
        Optional<StationBinding> station = exposures.isEmpty() ? Optional.empty() : station(context);
        if (station.isEmpty()) {
            context.next();
            return;
        }

        List<CloudEvent<KeyExposed>> events =
                ExposureEvents.create(REPORT, exposures, station.get(), null, Instant.now());
        String maskedPath = ProductKeyInUrl.maskedPath(context.request().path());
        ExposureLogging.log(
                LOG,
                events,
                event -> LOG.warnf(
                        "full product key %s found in the %s of %s %s from %s; exposure event %s",
                        event.data().maskedKey(),
                        event.data().location(),
                        context.request().method(),
                        maskedPath,
                        station.get(),
                        event.id()));

        publisher
                .publish(events, null)
                .subscribe()
                .with(
                        stored -> RouteProblem.send(context, json, problem(urlErrors, ExposureNotice.describe(events))),
                        failure -> RouteProblem.send(context, json, problem(urlErrors, NOT_RECORDED)));
    }

    /** Returns the URL's problem when the URL has a key, else the header's, with {@code notice} after its detail. */
    private static Problem problem(List<FieldError> urlErrors, String notice) {
        if (urlErrors.isEmpty()) {
            return IdempotencyKey.keyInside().problem().withDetailAppended("." + notice);
        }
        return ProductKeyInUrl.problem(urlErrors, notice);
    }

    /**
     * Finds the keys in an {@code Idempotency-Key} value: written with dashes or other separators between their groups,
     * or in upper case once its separators are removed. A lower-case token of 25 letters and digits is rejected as a
     * key elsewhere, but raises no exposure, because it is as likely to be a random id.
     */
    private List<KeyExposure> headerExposures(String value) {
        String location = IdempotencyKey.HEADER + " header";
        List<KeyExposure> exposures = found(location, IdempotencyKey.asDashedText(value));
        if (exposures.isEmpty()) {
            return found(location, IdempotencyKey.withoutSeparators(value));
        }
        return exposures;
    }

    private List<KeyExposure> found(String location, String text) {
        return redactor.redact(text).findings().stream()
                .map(finding -> new KeyExposure(location, finding))
                .toList();
    }

    private Optional<StationBinding> station(RoutingContext context) {
        return BearerTokenMechanism.token(context)
                .flatMap(tokens::find)
                .filter(entry -> entry.roles().contains(Roles.STATION))
                .map(TokenEntry::principal)
                .flatMap(StationBinding::parse);
    }
}
