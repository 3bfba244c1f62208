package io.esop.order.common;

import java.util.List;

import io.esop.order.common.Problem.FieldError;

/** Field values the rules refuse (beyond what Bean Validation checks); names every wrong field. */
public class InvalidInput extends DomainException {

    public InvalidInput(String field, String message) {
        super(message, field);
    }

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
