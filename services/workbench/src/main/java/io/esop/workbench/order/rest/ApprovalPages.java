package io.esop.workbench.order.rest;

import io.esop.workbench.common.web.Actions;
import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.PageProblem;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.customer.client.Upstream;
import io.esop.workbench.order.client.OrderClient;
import io.esop.workbench.order.client.OrderModels.Application;
import io.esop.workbench.order.client.OrderModels.Approval;
import io.esop.workbench.order.client.OrderModels.Decision;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Approvals waiting for me (a director: the team's price approvals; back office: resource reservations), each with
 * what is needed to decide on a phone: customer, amount, discount. Deciding is two taps: a comment (optional to
 * approve) and Approve or Reject.
 */
@Path("/approvals")
@RolesAllowed({ Role.SALES_DIRECTOR, Role.BACK_OFFICE, Role.ADMIN })
public class ApprovalPages {

    static final Pattern ID = Pattern.compile("APV-[0-9A-Za-z-]{1,60}");
    static final List<String> DECISIONS = List.of("APPROVED", "REJECTED");

    /** A pending approval with its application (null when the order service could not say). */
    @RegisterForReflection
    public record Pending(Approval approval, Application application) {
    }

    private final Template approvals;
    private final CurrentUser user;
    private final OrderClient orders;

    public ApprovalPages(@Location("approvals.html") Template approvals, CurrentUser user,
            @RestClient OrderClient orders) {
        this.approvals = approvals;
        this.user = user;
        this.orders = orders;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> pending(@RestQuery String problem, @RestQuery String decided, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return pendingWithApplications(orders, user.bearer())
                .onFailure().transform(Upstream::translate)
                .map(list -> Pages.render(approvals.data("pending", list).data("problem", problem)
                        .data("decided", decided != null && ID.matcher(decided).matches() ? decided : null),
                        uri, headers, user.scope()));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@RestPath String id, @RestForm String decision, @RestForm String comment) {
        if (id == null || !ID.matcher(id).matches() || !DECISIONS.contains(decision)) {
            throw new PageProblem(404);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        return orders.decide(user.bearer(), id, new Decision(decision, text))
                .map(done -> Actions.to("/approvals?decided=" + id))
                .onFailure().recoverWithItem(failure -> Actions.refused("/approvals", failure));
    }

    public static Uni<List<Pending>> pendingWithApplications(OrderClient orders, String bearer) {
        return orders.pendingApprovals(bearer, 50).chain(page -> {
            if (page.items().isEmpty()) {
                return Uni.createFrom().item(List.<Pending>of());
            }
            List<Uni<Pending>> each = page.items().stream().map(approval -> orders
                    .application(bearer, approval.applicationNo())
                    .onFailure().recoverWithItem(failure -> null)
                    .map(application -> new Pending(approval, application))).toList();
            return Uni.join().all(each).andFailFast();
        });
    }
}
