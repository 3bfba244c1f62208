package io.esop.workbench.common.web;

/** A page cannot be shown: 403, 404 or 503, rendered as a friendly page (never a stack trace). */
public class PageProblem extends RuntimeException {

    private final int status;

    public PageProblem(int status) {
        super("page problem " + status, null, false, false);
        this.status = status;
    }

    public PageProblem(int status, Throwable cause) {
        super("page problem " + status + ": " + cause, cause, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
