package dev.keyline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rejects a request whose URL path has a {@code ;} with a 400 problem. The REST layer reads the text after it as a
 * matrix parameter and drops it, so {@code /devices/SN-77;rev=2/steps} was booked for device {@code SN-77}. No id in
 * Keyline's URLs contains a {@code ;}.
 */
@ApplicationScoped
public class MatrixParameterInUrl {

    private static final Logger LOG = Logger.getLogger(MatrixParameterInUrl.class);

    /**
     * Runs after the NUL and product key checks, so a key in the path is still recorded, and before Quarkus's routes.
     */
    private static final int ORDER = -3;

    private final ObjectMapper json;

    public MatrixParameterInUrl(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (!context.request().path().contains(";")) {
            context.next();
            return;
        }

        LOG.debugf(
                "rejected a %s request whose URL path contains ';'",
                context.request().method());
        RouteProblem.send(
                context,
                json,
                Problem.of(
                        400,
                        "matrix-parameter-in-url",
                        "Semicolon in the URL path",
                        "the request URL path contains ';', which would cut the path segment before it short, so it"
                                + " was not read",
                        List.of(new FieldError(
                                "path",
                                "contains ';'",
                                "remove the ';' and what follows it in that segment; a serial or id has no ';'"))));
    }
}
