package io.exsync.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@code application/problem+json} body (SPEC §3). Details name fields and rules,
 * never echo submitted values (they may be secrets), never carry stack traces or class names.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]{0,100}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]{0,63}");

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.status(), e.code(), e.getMessage(), e.violations(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return problem(400, "ValidationFailed", "The request is not valid.", violations, uri);
    }

    /**
     * Listed one by one: Quarkus REST has built-in mappers for some of these subclasses that echo the submitted
     * value; naming them here with a higher priority keeps every JSON error in one problem shape.
     */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class, InvalidTypeIdException.class,
            InputCoercionException.class, StreamConstraintsException.class}, priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "ValidationFailed", "The request body is not valid JSON for this resource.",
                List.of(jsonViolation(e)), uri);
    }

    @ServerExceptionMapper
    public Response unbindableJson(JsonBodyException e, UriInfo uri) {
        return unreadableJson(e.getCause(), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "You are not allowed to do this.", null, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family == Response.Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        return problem(status, codeFor(status), detailFor(status), null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return problem(500, "InternalError", "An unexpected error occurred (error id " + errorId + ").", null, uri);
    }

    private Response unauthorized(UriInfo uri) {
        return Response.fromResponse(problem(401, "Unauthorized",
                        "A valid bearer token is required (signed, unexpired, with sub and tid).", null, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public static Response problem(int status, String code, String detail, List<Problem.Violation> violations,
                                   UriInfo uri) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://exsync.io/problems/" + code, title, status, detail,
                        uri == null ? null : instance(uri.getPath()), code, violations))
                .build();
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            default -> "HttpError" + status;
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "The resource was not found.";
            case 405 -> "The method is not allowed on this resource.";
            case 415 -> "The content type is not supported; send application/json.";
            default -> "The request cannot be processed.";
        };
    }

    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (!field.isEmpty() && node.getName() != null) {
                field.append('.');
            }
            if (node.getName() != null) {
                field.append(node.getName());
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Problem.Violation jsonViolation(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return new Problem.Violation("body", "malformed JSON");
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? fieldName(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new Problem.Violation(field, "must be one of " + Arrays.toString(
                    format.getTargetType().getEnumConstants()));
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem.Violation(field, "unknown field");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return new Problem.Violation(field, "must be a valid " + friendlyType(format.getTargetType()));
        }
        return new Problem.Violation(field, "has the wrong type or format");
    }

    /**
     * The request path as {@code instance}, without echoing what a caller put in it: a segment that is not a plain
     * id or name (a script, SQL, anything to decode) shows as {@code (invalid)}.
     */
    static String instance(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!PATH_SEGMENT.matcher(segments[i]).matches()) {
                segments[i] = "(invalid)";
            }
        }
        return String.join("/", segments);
    }

    /**
     * A name from the submitted body (an unknown field, a map key) is named back only when it looks like a field
     * name: a key such as {@code <script>…} or {@code '; drop table …} is not echoed.
     */
    public static String fieldName(String submitted) {
        return FIELD_NAME.matcher(submitted).matches() ? submitted : "(unnamed field)";
    }

    private static String friendlyType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number in range";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        return "value";
    }
}
