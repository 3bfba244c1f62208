package io.esop.order.common;

/** The caller sees the record but their role does not allow this action on it. */
public class NotAllowed extends DomainException {

    public NotAllowed(String message) {
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
