package dev.keyline.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.keyline.platform.http.MetricsUri;
import dev.keyline.platform.http.ResourceMethods;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every error a client can cause to an {@code application/problem+json} body. No message echoes request text
 * without masking product keys first, because parsers quote the input they choke on.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;
    private static final Duration DATABASE_WARNING_WINDOW = Duration.ofSeconds(10);
    private static final LogWindow DATABASE_WARNINGS = new LogWindow(DATABASE_WARNING_WINDOW);
    private static final Pattern JAVA_PACKAGE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

    /** Jackson's message for a JSON value of another kind than the member or body takes, such as an array for text. */
    private static final Pattern TYPE_MISMATCH = Pattern.compile(
            "^Cannot (?:deserialize value of type|construct instance of) `([^`]+)`.*?from ([A-Za-z-]+) value",
            Pattern.CASE_INSENSITIVE);

    /** Jackson's message for a number beyond the Java type of the member, whose range is not the API's. */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("out of range of [a-z]+ \\(([-0-9]+ - [-0-9]+)\\)");

    /** Jackson's message for a word that is not JSON, such as {@code yes} or {@code TRUE}. */
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '(.*?)': was expecting");

    /** Jackson's message for a character where JSON allows none, such as a comma before a closing brace. */
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.)' \\(code");

    /**
     * The parts of Jackson's messages that name its settings, such as {@code : enable `JsonReadFeature...` to allow}.
     * Also its source position, such as {@code (for Object starting at [Source: REDACTED ...; line: 1, column: 1])}.
     */
    private static final Pattern JACKSON_SETTING =
            Pattern.compile(":? ?(?:enable|disable) `[A-Za-z_.]+` to allow|, from `[A-Za-z_.()]+`"
                    + "| ?\\(for [A-Za-z]+ starting at \\[Source: .*?\\]\\)");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        if (e.retryAfter().isEmpty()) {
            return response;
        }
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().get().toSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> fieldError(violation))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(Problem.of(
                400, "invalid-request", "Invalid request", "the request has invalid values in " + fields, errors));
    }

    // Quarkus REST has built-in mappers for these two subtypes that return an empty body; naming them here
    // makes these mappers the more specific ones.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String expected = textInsteadOf(e);
        if (expected == null
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Cannot coerce Floating-point value")) {
            String field = pointer(e);
            return respond(Problem.of(
                    400,
                    "unreadable-body",
                    "Unreadable request body",
                    "the request body has a fraction or an exponent where a whole number belongs",
                    List.of(new FieldError(
                            field,
                            "is not a whole number",
                            "send a whole number in digits, without a fraction or an exponent"))));
        }
        if (expected == null) {
            FieldError other = otherTypeOrTrailing(e);
            if (other != null) {
                LOG.debugf("rejected a request body in %s: %s", other.field(), other.message());
                return respond(Problem.of(
                        400,
                        "unreadable-body",
                        "Unreadable request body",
                        "the request body could not be read" + where(e),
                        List.of(other)));
            }
            return unreadableJson(e);
        }
        String field = pointer(e);
        LOG.debugf("rejected a request body with text where %s belongs, in %s", expected, field);
        return respond(Problem.of(
                400,
                "unreadable-body",
                "Unreadable request body",
                "the request body has text in quotes where " + expected + " belongs",
                List.of(new FieldError(
                        field, "is text in quotes, not " + expected, "send " + expected + " without quotes"))));
    }

    /**
     * Returns what the body should have held where Jackson refused to read text as a number or a truth value, or null
     * for any other mismatch. Its own message then names its {@code CoercionConfig}, which callers cannot act on.
     */
    static String textInsteadOf(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Cannot coerce String value")) {
            return null;
        }
        Class<?> target = e.getTargetType();
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        return "a JSON number";
    }

    /**
     * Returns the error for a number or truth value where text or an instant belongs, or for text after the body's
     * JSON value, or null for any other mismatch. Jackson's own messages name its Java types and settings.
     */
    static FieldError otherTypeOrTrailing(MismatchedInputException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return new FieldError(
                    "body",
                    "has more after its JSON value" + where(e),
                    "send one JSON value per request and remove what follows it");
        }
        if (e.getTargetType() == String.class && message.startsWith("Cannot coerce")) {
            return new FieldError(pointer(e), "is not text in quotes", "send the value as a JSON string in quotes");
        }
        if (e.getTargetType() == Instant.class && message.startsWith("Cannot deserialize value of type")) {
            boolean quoted = message.contains(" from String ");
            return new FieldError(
                    pointer(e),
                    quoted
                            ? "is not an ISO-8601 instant with a date, a time and an offset"
                            : "is not an instant in quotes",
                    "send a UTC instant as a JSON string, such as \"2026-12-01T00:00:00Z\"");
        }
        return null;
    }

    /**
     * Returns Jackson's message in the words of the API: a body that is not an object, a number out of range, or
     * Jackson's own message without the settings it names, which callers cannot change.
     */
    public static String readable(String message) {
        if (message == null) {
            return "is not valid JSON";
        }
        if (message.startsWith("Trailing token")) {
            return "has more after its JSON value; send one JSON value per request";
        }
        // Jackson names the Java type it wanted, such as dev.keyline.ledger.rest.RegisterKeyRequest; callers know the
        // request by its endpoint, so only the simple name is kept.
        String simple = JAVA_PACKAGE.matcher(message).replaceAll("");
        Matcher mismatch = TYPE_MISMATCH.matcher(simple);
        if (mismatch.find()) {
            return "is " + jsonKind(mismatch.group(2)) + " where " + expectedKind(mismatch.group(1)) + " belongs";
        }
        Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
        if (token.find()) {
            // The word is repeated unless it is long or may be a key that masking missed, such as one glued to text.
            String text = token.group(1);
            String word = text.length() > QuotedValue.MAX_LENGTH || ProductKeys.hidesKeyInText(text)
                    ? "a word"
                    : "'" + text + "'";
            return "has " + word + ", which is not JSON; put text in quotes, and write true, false and null in lower"
                    + " case";
        }
        Matcher character = UNEXPECTED_CHARACTER.matcher(message);
        if (character.find()) {
            return "has '" + character.group(1) + "' where JSON does not allow it";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "ends before its JSON value is complete";
        }
        Matcher range = OUT_OF_RANGE.matcher(message);
        if (range.find()) {
            return "is a number too large for this member; docs/API.md gives the values it takes";
        }
        String rest = JACKSON_SETTING.matcher(simple).replaceAll("");
        // Jackson's other messages may repeat what was sent; one with a key that masking missed is not repeated.
        return ProductKeys.hasKeyAlphabetRun(rest) ? "is not valid JSON" : rest;
    }

    /** Returns what a JSON value of Jackson's kind is, in the API's words: {@code Array} is "an array". */
    private static String jsonKind(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "array" -> "an array";
            case "object" -> "an object";
            case "string" -> "text";
            case "boolean" -> "true or false";
            case "null" -> "null";
            default -> "a number";
        };
    }

    /** Returns what a Java type takes, in the API's words: {@code long} is "a whole number". */
    private static String expectedKind(String type) {
        return switch (type) {
            case "String" -> "text";
            case "Instant", "OffsetDateTime" -> "an instant in quotes";
            case "long", "Long", "int", "Integer" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            default -> type.contains("List") || type.contains("Set<") || type.endsWith("[]")
                    ? "an array"
                    : "a JSON object";
        };
    }

    /** Returns {@code " at line N, column M"} for where the parser stopped, or nothing when it gives no place. */
    private static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    @ServerExceptionMapper
    public Response unknownMember(UnrecognizedPropertyException e) {
        String field = pointer(e);
        String members = e.getKnownPropertyIds() == null
                ? "the ones the API documentation lists"
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        LOG.debugf("rejected a request body with the unknown member %s", field);
        return respond(Problem.of(
                400,
                "unknown-member",
                "Unknown member",
                "the request body has a member this endpoint does not take: " + QuotedValue.of(field),
                List.of(new FieldError(
                        QuotedValue.of(field),
                        "is not a member of this request",
                        "remove it, or check its spelling: the members are " + members))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = pointer(e);
        String where = where(e);
        String message = readable(KeyRedactor.maskForEcho(e.getOriginalMessage()));
        LOG.debugf("rejected an unreadable request body%s in %s", where, field);
        return respond(Problem.of(
                400,
                "unreadable-body",
                "Unreadable request body",
                "the request body could not be read" + where,
                List.of(new FieldError(field, message, "send a JSON object as the API documentation describes"))));
    }

    /** Returns the JSON pointer of the value a mapping error names, or {@code body} when it names none. */
    private static String pointer(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
        }
        return "body";
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "a valid bearer token is required; send one 'Authorization: Bearer <token>' header with a"
                                + " token configured for this service")))
                .header("WWW-Authenticate", "Bearer realm=\"keyline\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return respond(forbiddenProblem(allowedRoles(resource)));
    }

    /** Returns the 403 problem, naming the roles the endpoint takes when they are known. */
    static Problem forbiddenProblem(List<String> roles) {
        String detail = roles.isEmpty()
                ? "this token's role may not call this endpoint; use a token with the role the endpoint requires"
                : "this token's role may not call this endpoint, which takes a token with the role "
                        + String.join(" or ", roles) + "; use such a token";
        return Problem.of(403, "forbidden", "Forbidden", detail);
    }

    /** Returns the roles of the endpoint's {@code @RolesAllowed}, on its method or else on its class, or none. */
    static List<String> allowedRoles(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return List.of();
        }
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? List.of() : List.of(allowed.value());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, Request request, UriInfo uri) {
        // The JSON body reader wraps a malformed body in a plain 400; the parser's exception records where it broke.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        int status = e.getResponse().getStatus();
        // JAX-RS returns 404 when a query parameter cannot be converted, such as size=abc; the caller sent a bad value.
        if (status == 404 && e.getCause() instanceof IllegalArgumentException conversion) {
            return respond(Problem.of(
                    400,
                    "invalid-parameter",
                    "Invalid parameter",
                    "a query or path parameter has a value of the wrong type: "
                            + KeyRedactor.maskAll(conversion.getMessage()),
                    List.of(new FieldError(
                            "query",
                            "a parameter could not be converted",
                            "send numbers where the API expects them"))));
        }
        if (status == 404 || status == 405) {
            // Quarkus REST responds 404 to some methods that a path does not take, where 405 is correct.
            String allowed = ResourceMethods.ofApplication().allowedOn(uri.getPath());
            boolean methodNotAllowed = status == 405 || !allowed.isEmpty() && !allows(allowed, request.getMethod());
            if (methodNotAllowed) {
                MetricsUri.setForCurrentRequest(MetricsUri.METHOD_NOT_ALLOWED);
                Response response = respond(
                        Problem.of(405, "http-405", "Method Not Allowed", detailFor(405, e, headers, request, uri)));
                return allowed.isEmpty()
                        ? response
                        : Response.fromResponse(response)
                                .header("Allow", allowed)
                                .build();
            }
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, title, detailFor(status, e, headers, request, uri)));
    }

    private static boolean allows(String allowHeader, String method) {
        return List.of(allowHeader.split(", ")).contains(method);
    }

    /** Returns what went wrong for the plain JAX-RS errors, in the caller's terms, with what to do. */
    private static String detailFor(
            int status, WebApplicationException e, HttpHeaders headers, Request request, UriInfo uri) {
        String path = KeyRedactor.maskAll(uri.getPath());
        // The header as sent: parsing it (getMediaType) throws for a malformed one such as "; charset=UTF-8".
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return switch (status) {
            case 404 -> "there is no endpoint at " + path + "; docs/API.md lists the endpoints";
            case 405 -> request.getMethod() + " is not allowed on " + path
                    + "; docs/API.md gives the methods of each endpoint";
            case 406 -> "this endpoint cannot answer in the types of the Accept header; send an Accept header with a"
                    + " type that docs/API.md gives for this endpoint: application/json for most, text/csv for"
                    + " exports, text/event-stream for streams";
            case 415 -> (contentType == null || contentType.isBlank()
                            ? "this request has no Content-Type, which this endpoint needs"
                            : "this endpoint does not take Content-Type '" + QuotedValue.of(contentType) + "'")
                    + "; send the type that docs/API.md"
                    + " gives for this endpoint: application/json for most, text/csv or application/xml for imports,"
                    + " text/plain, application/json or application/xml for artifacts";
            default -> KeyRedactor.maskAll(e.getMessage());
        };
    }

    /** Returns the fix for a rule: "must be at least 1" gives "send a value that is at least 1". */
    static String fixFor(String rule) {
        if (!rule.startsWith("must ")) {
            return "correct the value: it " + rule;
        }
        String stated = rule.replaceFirst("^must not be ", "is not ")
                .replaceFirst("^must be ", "is ")
                .replaceFirst("^must not ", "does not ")
                .replaceFirst("^must ", "does ");
        return "send a value that " + stated;
    }

    private static FieldError fieldError(ConstraintViolation<?> violation) {
        String field = fieldOf(violation);
        if (field.equals("body")) {
            return new FieldError(
                    "body",
                    "is missing: the request has no body",
                    "send a JSON object as the API documentation describes");
        }
        return new FieldError(field, violation.getMessage(), fixFor(violation.getMessage()));
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] nodes = path.split("\\.");
        if (nodes.length == 2 && isBodyParameter(violation)) {
            // The whole body is missing, as when it is empty; its Java parameter name means nothing to the caller.
            return "body";
        }
        // Method parameters appear as "method.parameter.field"; the caller knows only the field.
        return nodes.length > 2 ? String.join(".", List.of(nodes).subList(2, nodes.length)) : nodes[nodes.length - 1];
    }

    /**
     * Tells whether a violation is on a resource method's body parameter: one without a JAX-RS annotation such as
     * {@code @PathParam} or {@code @QueryParam} in the resource class or any class above it.
     */
    static boolean isBodyParameter(ConstraintViolation<?> violation) {
        String methodName = null;
        List<Class<?>> parameterTypes = null;
        int index = -1;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                methodName = node.getName();
                parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                index = node.as(Path.ParameterNode.class).getParameterIndex();
            }
        }
        if (methodName == null || index < 0 || violation.getRootBeanClass() == null) {
            return false;
        }
        boolean declared = false;
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(methodName, parameterTypes.toArray(Class<?>[]::new));
                declared = true;
                for (Annotation annotation : method.getParameterAnnotations()[index]) {
                    String name = annotation.annotationType().getName();
                    if (name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.")) {
                        return false;
                    }
                }
            } catch (NoSuchMethodException e) {
                // Not declared at this level: a proxy subclass or a superclass without it.
            }
        }
        return declared;
    }

    /**
     * Maps an error that no other mapper covers, such as a bug or a heap that ran out, to a 500 problem instead of
     * Quarkus's HTML error page. The error is logged with an id and its stack trace, masked, because its message can
     * quote the request. The problem gives only the id.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, Request request, UriInfo uri) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            return databaseUnavailable(e, request, uri);
        }

        String errorId = UUID.randomUUID().toString();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        LOG.errorf("unexpected error, error id %s: %s", errorId, KeyRedactor.maskAll(trace.toString()));
        return respond(unexpectedProblem(errorId));
    }

    /** Maps an unexpected error without a request, as unit tests call it, so the log names no method or path. */
    Response unexpected(Throwable e) {
        return unexpected(e, null, null);
    }

    /**
     * Returns 503 with a retry time when the database could not be reached or dropped the connection. That is no bug
     * for operators to chase with an error id, because the pool reconnects and the same request can succeed seconds
     * later.
     */
    private static Response databaseUnavailable(Throwable e, Request request, UriInfo uri) {
        String target = request == null || uri == null
                ? "a request"
                : request.getMethod() + " " + KeyRedactor.maskAll(uri.getPath());
        String cause = KeyRedactor.maskAll(String.valueOf(e.getMessage()));
        long heldBack = DATABASE_WARNINGS.admit(System.nanoTime());
        if (heldBack < 0) {
            LOG.debugf("database unavailable for %s, returned 503: %s", target, cause);
        } else {
            LOG.warnf(
                    "database unavailable for %s, returned 503: %s (%d more such requests since the last of these"
                            + " lines, logged at DEBUG; one WARN line per %d s)",
                    target, cause, heldBack, DATABASE_WARNING_WINDOW.toSeconds());
        }
        return Response.fromResponse(respond(databaseUnavailableProblem()))
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .build();
    }

    static Problem databaseUnavailableProblem() {
        return Problem.of(
                503,
                "database-unavailable",
                "Database unavailable",
                "the service could not reach its database or lost its connection to it, so the request may not have"
                        + " been carried out; send it again after the seconds the Retry-After header gives");
    }

    static Problem unexpectedProblem(String errorId) {
        return Problem.of(
                500,
                "internal-error",
                "Internal error",
                "the service failed on an error it did not expect (error id " + errorId + "), so the request may not"
                        + " have been carried out; send it again, and if the error repeats, give the error id to the"
                        + " service's operators, who find its cause in the service log");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
