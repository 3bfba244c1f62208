package io.esop.workbench.order.rest;

import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.PageProblem;
import io.esop.workbench.customer.client.Upstream;
import io.esop.workbench.order.client.OrderClient;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;

/** The agreement's PDF, fetched from the order service with the user's token (a customer: only their own). */
@Path("/agreements")
@Authenticated
public class AgreementPages {

    static final Pattern NUMBER = Pattern.compile("AGR-[0-9A-Za-z-]{1,60}");

    private final CurrentUser user;
    private final OrderClient orders;

    public AgreementPages(CurrentUser user, @RestClient OrderClient orders) {
        this.user = user;
        this.orders = orders;
    }

    @GET
    @Path("{no}/pdf")
    @Produces("application/pdf")
    public Uni<Response> pdf(@RestPath String no) {
        if (no == null || !NUMBER.matcher(no).matches()) {
            throw new PageProblem(404);
        }
        return orders.agreementPdf(user.bearer(), no)
                .onFailure().transform(Upstream::translate)
                .map(upstream -> Response.ok(upstream.readEntity(byte[].class), "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"" + no + ".pdf\"")
                        .header("Cache-Control", "no-store").build());
    }
}
