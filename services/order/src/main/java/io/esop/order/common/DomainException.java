package io.esop.order.common;

import java.util.List;

import io.esop.order.common.Problem.FieldError;

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

    public abstract int status();

    public abstract String title();
}
