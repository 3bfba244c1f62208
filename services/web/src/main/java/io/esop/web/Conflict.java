package io.esop.web;

/** The request collides with existing data or with the record's state, e.g. a duplicate credit code. */
public class Conflict extends DomainException {

    public Conflict(String field, String message) {
        super(message, field);
    }

    /** A conflict with the record's state rather than with one field, e.g. an application already submitted. */
    public Conflict(String message) {
        super(message, (String) null);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
