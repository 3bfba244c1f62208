package io.esop.web;

/** The caller sees the record but their role or relation to it does not allow this action. */
public class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(message, (String) null);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
