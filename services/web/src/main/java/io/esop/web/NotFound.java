package io.esop.web;

/** Absent, or outside the caller's data scope: both answer 404, so that scope leaks nothing. */
public class NotFound extends DomainException {

    public NotFound(String what, String id) {
        super(what + " " + id + " not found", (String) null);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not Found";
    }
}
