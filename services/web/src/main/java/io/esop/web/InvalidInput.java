package io.esop.web;

import java.util.List;

import io.esop.web.Problem.FieldError;

/** Field values the rules refuse (beyond what Bean Validation checks). */
public class InvalidInput extends DomainException {

    public InvalidInput(String field, String message) {
        super(message, field);
    }

    /** Several wrong fields at once, e.g. every attribute of an application that breaks its template. */
    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request"), errors);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad Request";
    }
}
