package io.esop.sla.common;

/** The request collides with existing data, e.g. a duplicate unified social credit code. */
public class Conflict extends DomainException {

    public Conflict(String field, String message) {
        super(message, field);
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
