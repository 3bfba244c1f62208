package io.esop.workbench.customer.client;

import io.esop.workbench.common.web.PageProblem;
import jakarta.ws.rs.WebApplicationException;

/** Turns a failed call to another service into what the page answers: its 404 is our 404, the rest is 503. */
public final class Upstream {

    private Upstream() {
    }

    public static RuntimeException translate(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404) {
                return new PageProblem(404);
            }
            if (status == 403) {
                return new PageProblem(403);
            }
        }
        return new PageProblem(503, failure);
    }
}
