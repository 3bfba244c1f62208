package io.esop.sla.common;

/** The caller's role does not allow the action (roles decide actions; scope decides records, with 404). */
public class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(message, null);
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
