package io.esop.sla.common;

/** A request the domain refuses; mapped to problem+json with its status and, when known, the field. */
public abstract class DomainException extends RuntimeException {

    private final String field;

    protected DomainException(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The request field that is wrong, or null. */
    public String field() {
        return field;
    }

    public abstract int status();

    public abstract String title();
}
