package io.esop.opportunity.common;

/** A request the domain refuses; mapped to problem+json with its status and, when known, the field. */
public class DomainException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public DomainException(int status, String title, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    /** Absent, or outside the caller's data scope: both answer 404, so that scope leaks nothing. */
    public static DomainException notFound(String what, String id) {
        return new DomainException(404, "Not Found", null, what + " " + id + " not found");
    }

    /** The request does not fit the current state (an illegal stage transition, a closed bidding window). */
    public static DomainException conflict(String field, String message) {
        return new DomainException(409, "Conflict", field, message);
    }

    /** Well-formed but against a business rule (a split not adding up to 100, LOST without a reason). */
    public static DomainException unprocessable(String field, String message) {
        return new DomainException(422, "Unprocessable Content", field, message);
    }

    public static DomainException badRequest(String field, String message) {
        return new DomainException(400, "Bad Request", field, message);
    }

    /** The caller's role does not allow the action on a record they can see. */
    public static DomainException forbidden(String message) {
        return new DomainException(403, "Forbidden", null, message);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
