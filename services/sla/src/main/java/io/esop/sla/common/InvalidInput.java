package io.esop.sla.common;

/** A field value the rules refuse (beyond what Bean Validation checks). */
public class InvalidInput extends DomainException {

    public InvalidInput(String field, String message) {
        super(message, field);
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
