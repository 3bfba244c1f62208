package io.esop.workbench.order.rest;

import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.customer.client.Upstream;
import io.esop.workbench.order.client.OrderClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The product templates with their attributes: what a manager fills and (for back office, who sees them) what
 * back office completes. Templates are edited through the order service's API (a new version each time).
 */
@Path("/templates")
@RolesAllowed({ Role.CUSTOMER_MANAGER, Role.SALES_DIRECTOR, Role.BACK_OFFICE, Role.ADMIN })
public class TemplatePages {

    private final Template templates;
    private final CurrentUser user;
    private final OrderClient orders;

    public TemplatePages(@Location("templates.html") Template templates, CurrentUser user,
            @RestClient OrderClient orders) {
        this.templates = templates;
        this.user = user;
        this.orders = orders;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        return orders.templates(user.bearer(), 100)
                .onFailure().transform(Upstream::translate)
                .map(page -> Pages.render(templates.data("page", page), uri, headers, user.scope()));
    }
}
