package io.esop.web.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.esop.web.DomainException;
import io.esop.web.Problem;
import io.esop.web.Problem.FieldError;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error of every ESOP API leaves as RFC 9457 problem+json naming the wrong field; never a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return response(Problem.of(e.status(), e.title(), e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return response(Problem.of(400, "Bad Request", detail, errors));
    }

    // MismatchedInputException (a wrong enum value, a string for a number) has a built-in mapper of its own
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
        return response(Problem.ofField(400, "Bad Request", field, "unreadable value: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return response(Problem.ofField(400, "Bad Request", "body", "malformed JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return json(mapping); // a record constructor refused a value (contracts validation)
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 400) {
            // what reaches here as a bare 400 is a body the JSON reader could not parse at all
            return response(Problem.ofField(400, "Bad Request", "body", "the request body is not readable JSON"));
        }
        return response(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return response(Problem.of(401, "Unauthorized", "a valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Problem.of(403, "Forbidden", "your role does not allow this action"));
    }

    // two writers changed the same record at once (optimistic lock), or a unique key raced
    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class,
            org.hibernate.exception.ConstraintViolationException.class })
    public Response concurrent(RuntimeException e) {
        return response(Problem.of(409, "Conflict", "the record changed at the same time; reload it and try again"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (isRace(e.getCause())) {
            return concurrent((RuntimeException) e.getCause());
        }
        Log.errorf(e, "Unexpected failure");
        return response(Problem.of(500, "Internal Server Error", "unexpected error; see the service log"));
    }

    private static boolean isRace(Throwable cause) {
        return cause instanceof OptimisticLockException || cause instanceof StaleStateException
                || cause instanceof org.hibernate.exception.ConstraintViolationException;
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The property path below the request: {@code creditCode}, {@code items[0].quantity}, or the query parameter. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.isInIterable() && path.length() > 0) {
                        path.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (path.length() > 0) {
                            path.append('.');
                        }
                        path.append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        return path.length() > 0 ? path.toString() : parameter != null ? parameter : "request";
    }
}
