package io.esop.workbench.home.rest;

import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.common.web.UserScope;
import io.esop.workbench.customer.client.CustomerClient;
import io.esop.workbench.customer.client.CustomerModels.Profile;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Today": the first page after sign-in, one per role. Enterprise customers go to the portal. The panels fed by
 * the opportunity, order and SLA services join here when those APIs are published; the live panel already shows
 * their events.
 */
@Path("/")
@Authenticated
public class HomeResource {

    /** How many customers the home page shows; the customer page has the rest. */
    static final int HOME_CUSTOMERS = 10;

    private final Template home;
    private final CurrentUser user;
    private final CustomerClient customers;

    public HomeResource(@Location("home.html") Template home, CurrentUser user, @RestClient CustomerClient customers) {
        this.home = home;
        this.user = user;
        this.customers = customers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> today(@Context UriInfo uri, @Context HttpHeaders headers) {
        UserScope scope = user.scope();
        String role = scope.homeRole();
        if (Role.ENTERPRISE_CUSTOMER.equals(role)) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal")).build());
        }
        // a manager's own customers first; a director sees the team's (the customer service applies the scope)
        String manager = Role.CUSTOMER_MANAGER.equals(role) ? scope.username() : null;
        return customers.list(user.bearer(), null, null, null, null, manager, HOME_CUSTOMERS, null)
                .map(page -> page.items())
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("home: customer service unavailable: %s", failure.toString());
                    return null;
                })
                .map(list -> Pages.render(home
                        .data("role", role)
                        .data("customers", list)
                        .data("care", list == null ? List.<Profile>of() : list.stream().filter(Profile::inArrears).toList()),
                        uri, headers, scope));
    }
}
