package io.esop.order.common;

/** The request does not fit the current state of the record, e.g. deciding an approval already decided. */
public class Conflict extends DomainException {

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
