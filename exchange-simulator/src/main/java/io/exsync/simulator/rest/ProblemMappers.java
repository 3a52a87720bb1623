package io.exsync.simulator.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Control-API failures as {@code application/problem+json}; never a stack trace or class name. */
public class ProblemMappers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return problem(400, "ValidationFailed", "The request is not valid.", e.violations(), uri);
    }

    /**
     * Listed one by one: Quarkus REST's built-in mappers for some subclasses answer without a problem body or echo
     * the submitted value; naming them here with a higher priority keeps every JSON error in one problem shape.
     */
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class, InvalidTypeIdException.class,
            InputCoercionException.class, StreamConstraintsException.class}, priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(400, "ValidationFailed", "The request body is not valid JSON for this resource.",
                List.of(new Problem.Violation(path(e), "malformed or of the wrong type")), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return problem(status, "InternalError", "The simulator failed to answer.", null, uri);
        }
        return problem(status, status == 404 ? "NotFound" : "HttpError" + status,
                status == 404 ? "The resource was not found." : "The request cannot be processed.", null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return problem(500, "InternalError", "The simulator failed to answer (error id " + errorId + ").", null, uri);
    }

    static Response problem(int status, String code, String detail, List<Problem.Violation> violations,
                            UriInfo uri) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://exsync.io/problems/" + code, known == null ? "Error" : known.getReasonPhrase(),
                        status, detail, uri == null ? null : uri.getPath(), code, violations))
                .build();
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]"
                            : ref.getFieldName().matches("[A-Za-z_$][A-Za-z0-9_$-]{0,63}") ? ref.getFieldName()
                            : "(unnamed field)")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return "body";
    }
}
