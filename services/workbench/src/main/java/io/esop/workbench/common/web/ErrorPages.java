package io.esop.workbench.common.web;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Friendly error pages in the user's language; details go to the log, never to the page. */
public class ErrorPages {

    private final Template error;
    private final CurrentUser user;

    public ErrorPages(@Location("error.html") Template error, CurrentUser user) {
        this.error = error;
        this.user = user;
    }

    @ServerExceptionMapper
    public Response problem(PageProblem problem, UriInfo uri, HttpHeaders headers) {
        if (problem.status() >= 500) {
            Log.warnf(problem.getCause(), "page %s: upstream failure", uri.getPath());
        }
        return page(problem.status(), uri, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return page(404, uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return page(403, uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return page(403, uri, headers);
    }

    private Response page(int status, UriInfo uri, HttpHeaders headers) {
        UserScope scope;
        try {
            scope = user.scope();
        } catch (RuntimeException anonymous) {
            scope = null;
        }
        return Pages.render(error.data("status", status), uri, headers, scope, Response.Status.fromStatusCode(status));
    }
}
