package dev.keyline.platform.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects a request with a query parameter that its endpoint does not declare, such as {@code sise=10} for
 * {@code size}, with a 400 problem that names it and lists the parameters the endpoint takes. Without this check a
 * misspelt filter is ignored, and the caller reads unfiltered results as filtered ones. A parameter given more than
 * once is rejected too, because every endpoint reads one value and would drop the others without a word. So is one
 * given without a value, such as {@code keyId=}, which the endpoint reads as absent and so lists everything.
 */
public class UnknownQueryParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> reject(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Set<String> known = declared.computeIfAbsent(method, UnknownQueryParameters::queryParameters);
        List<String> unknown = uri.getQueryParameters().keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .toList();
        if (unknown.isEmpty()) {
            return repeated(uri).or(() -> empty(uri));
        }

        String takes = known.isEmpty() ? "no query parameters" : "only " + String.join(", ", known);
        List<FieldError> errors = unknown.stream()
                .map(name -> new FieldError(
                        QuotedValue.of(name),
                        "is not a query parameter of this endpoint",
                        "remove it, or check its spelling: this endpoint takes " + takes))
                .toList();
        return rejection(
                errors,
                "unknown-parameter",
                "Unknown query parameter",
                "the request has query parameters this endpoint does not take: ");
    }

    private static Optional<Response> repeated(UriInfo uri) {
        List<FieldError> errors = uri.getQueryParameters().entrySet().stream()
                .filter(parameter -> parameter.getValue().size() > 1)
                .sorted(Map.Entry.comparingByKey())
                .map(parameter -> new FieldError(
                        QuotedValue.of(parameter.getKey()),
                        "was given " + parameter.getValue().size() + " times",
                        "send it once: this endpoint reads one value of it"))
                .toList();
        return rejection(
                errors,
                "repeated-parameter",
                "Repeated query parameter",
                "the request gives a query parameter more than once: ");
    }

    private static Optional<Response> empty(UriInfo uri) {
        List<FieldError> errors = uri.getQueryParameters().entrySet().stream()
                .filter(parameter -> parameter.getValue().stream().anyMatch(String::isBlank))
                .sorted(Map.Entry.comparingByKey())
                .map(parameter -> new FieldError(
                        QuotedValue.of(parameter.getKey()),
                        "is empty",
                        "leave it out to use its default, such as every entry for a filter, or give a value"))
                .toList();
        return rejection(
                errors,
                "empty-parameter",
                "Empty query parameter",
                "the request gives a query parameter without a value: ");
    }

    /** Returns a 400 problem listing the parameters of {@code errors} after {@code detail}, or nothing for none. */
    private static Optional<Response> rejection(List<FieldError> errors, String type, String title, String detail) {
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        String fields = String.join(", ", errors.stream().map(FieldError::field).toList());
        return Optional.of(Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(400, type, title, detail + fields, errors))
                .build());
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
