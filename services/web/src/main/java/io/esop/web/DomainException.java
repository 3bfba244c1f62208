package io.esop.web;

import java.util.List;

import io.esop.web.Problem.FieldError;

/** A request the domain refuses; mapped to problem+json with its status and the fields that are wrong. */
public abstract class DomainException extends RuntimeException {

    private final List<FieldError> errors;

    protected DomainException(String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    protected DomainException(String message, String field) {
        this(message, field == null ? List.of() : List.of(new FieldError(field, message)));
    }

    /** The request fields that are wrong; empty when the problem is not about a field. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The first wrong field, or null. */
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }

    public abstract int status();

    public abstract String title();
}
