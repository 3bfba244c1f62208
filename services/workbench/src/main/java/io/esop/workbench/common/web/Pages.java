package io.esop.workbench.common.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/** Renders a page in the request's language, with what every page's layout needs. */
public final class Pages {

    private Pages() {
    }

    public static Response render(TemplateInstance page, UriInfo uri, HttpHeaders headers, UserScope user) {
        return render(page, uri, headers, user, Response.Status.OK);
    }

    public static Response render(TemplateInstance page, UriInfo uri, HttpHeaders headers, UserScope user,
            Response.Status status) {
        Locale locale = Lang.of(uri, headers);
        TemplateInstance localized = page.setLocale(locale)
                .data("lang", Lang.tag(locale))
                .data("en", locale == Lang.EN)
                .data("path", uri.getPath())
                .data("user", user);
        Response.ResponseBuilder response = Response.status(status).entity(localized)
                .type("text/html;charset=UTF-8")
                // pages carry personal data: never from a shared cache, and the service worker does not cache them
                .header("Cache-Control", "no-store");
        NewCookie remember = Lang.remember(uri);
        if (remember != null) {
            response.cookie(remember);
        }
        return response.build();
    }
}
