package io.esop.workbench.opportunity.rest;

import io.esop.contracts.ProductLine;
import io.esop.contracts.signal.Intent;
import io.esop.workbench.common.client.Page;
import io.esop.workbench.common.web.Actions;
import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.PageProblem;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.common.web.UserScope;
import io.esop.workbench.customer.client.CustomerClient;
import io.esop.workbench.customer.client.CustomerModels;
import io.esop.workbench.customer.client.Upstream;
import io.esop.workbench.opportunity.client.OpportunityClient;
import io.esop.workbench.opportunity.client.OpportunityModels;
import io.esop.workbench.order.client.OrderClient;
import io.esop.workbench.order.client.OrderModels;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Opportunities: my list (or the team's, or open bids), one opportunity with its signals, score breakdown and
 * timeline, and what a manager does with it (move the stage, bid, invite a collaborator, convert); capture a new
 * one in the field in a few taps. Everything is read and done through the opportunity service with the user's
 * token; the pages only add the application that a conversion produced (order service).
 */
@Path("/opportunities")
@Authenticated
public class OpportunityPages {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");
    static final List<String> VIEWS = List.of("mine", "team", "bids");
    static final List<String> PRODUCTS = Arrays.stream(ProductLine.values()).map(Enum::name).toList();
    static final List<String> INTENTS = Arrays.stream(Intent.values()).map(Enum::name).toList();

    private final Template list;
    private final Template detail;
    private final Template capture;
    private final Template waiting;
    private final CurrentUser user;
    private final OpportunityClient opportunities;
    private final CustomerClient customers;
    private final OrderClient orders;

    public OpportunityPages(@Location("opportunities.html") Template list, @Location("opportunity.html") Template detail,
            @Location("opportunity-new.html") Template capture, @Location("opportunity-waiting.html") Template waiting,
            CurrentUser user, @RestClient OpportunityClient opportunities, @RestClient CustomerClient customers,
            @RestClient OrderClient orders) {
        this.list = list;
        this.detail = detail;
        this.capture = capture;
        this.waiting = waiting;
        this.user = user;
        this.opportunities = opportunities;
        this.customers = customers;
        this.orders = orders;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list(@RestQuery String view, @RestQuery String cursor, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        UserScope scope = user.scope();
        String chosen = VIEWS.contains(view) ? view : scope.has(Role.SALES_DIRECTOR) ? "team" : "mine";
        return opportunities.list(user.bearer(), chosen, null, 50, blankToNull(cursor))
                .onFailure().transform(Upstream::translate)
                .map(page -> Pages.render(list.data("page", page).data("view", chosen)
                        .data("views", scope.has(Role.SALES_DIRECTOR) ? List.of("team") : VIEWS), uri, headers, scope));
    }

    /** The field-capture form: the manager's own customers first, product and intent preselected. */
    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.CUSTOMER_MANAGER)
    public Uni<Response> captureForm(@RestQuery String customerId, @RestQuery String problem, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        UserScope scope = user.scope();
        return customers.list(user.bearer(), null, null, null, null, scope.username(), 100, null)
                .map(Page::items)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("capture: customer service unavailable: %s", failure.toString());
                    return List.of();
                })
                .map(mine -> Pages.render(capture.data("customers", mine).data("customerId", customerId)
                        .data("products", PRODUCTS).data("intents", INTENTS).data("problem", problem)
                        .data("today", LocalDate.now()), uri, headers, scope));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CUSTOMER_MANAGER)
    public Uni<Response> capture(@RestForm String customerId, @RestForm String prospectName,
            @RestForm String prospectPhone, @RestForm String prospectRegion, @RestForm String productLine,
            @RestForm String intent, @RestForm String estimatedMonthlyValue, @RestForm String detail) {
        BigDecimal value;
        try {
            value = new BigDecimal(estimatedMonthlyValue == null ? "" : estimatedMonthlyValue.strip());
        } catch (NumberFormatException e) {
            return Uni.createFrom().item(Actions.to("/opportunities/new?problem=estimatedMonthlyValue"));
        }
        OpportunityModels.Prospecting prospect = blankToNull(customerId) != null ? null
                : new OpportunityModels.Prospecting(prospectName, null, prospectRegion, null, null, prospectPhone);
        OpportunityModels.FieldCapture request = new OpportunityModels.FieldCapture(blankToNull(customerId), prospect,
                productLine, intent, 0.8, value, blankToNull(detail));
        return opportunities.capture(user.bearer(), request)
                .map(accepted -> Actions.to("/opportunities/captured/" + accepted.signalId()))
                .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/new", failure));
    }

    /** After a capture: the pipeline runs asynchronously; this page waits for it, then opens the opportunity. */
    @GET
    @Path("captured/{signalId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> captured(@RestPath String signalId, @Context UriInfo uri, @Context HttpHeaders headers) {
        requireId(signalId);
        return opportunities.signal(user.bearer(), signalId)
                .onFailure().recoverWithItem(failure -> null)
                .map(status -> status != null && status.opportunityId() != null
                        ? Actions.to("/opportunities/" + status.opportunityId())
                        : Pages.render(waiting.data("signalId", signalId)
                                .data("outcome", status == null ? null : status.outcome()), uri, headers, user.scope()));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> detail(@RestPath String id, @RestQuery String problem, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        requireId(id);
        String bearer = user.bearer();
        return opportunities.get(bearer, id)
                .onFailure().transform(Upstream::translate)
                .chain(o -> Uni.combine().all().unis(applicationOf(bearer, o), customerName(bearer, o)).asTuple()
                        .map(both -> Pages.render(detail
                        .data("o", o)
                        .data("s", o.summary())
                        .data("application", both.getItem1())
                        .data("customerName", both.getItem2())
                        .data("problem", problem)
                        .data("tomorrow", LocalDate.now().plusDays(1))
                        .data("mine", user.username().equals(o.summary().ownerId())),
                        uri, headers, user.scope())));
    }

    /** The customer's name from the customer service (the opportunity names only the id); null if unknown. */
    private Uni<String> customerName(String bearer, OpportunityModels.Detail o) {
        if (o.summary().customerId() == null) {
            return Uni.createFrom().nullItem();
        }
        return customers.get(bearer, o.summary().customerId()).map(view -> view.profile().name())
                .onFailure().recoverWithItem(failure -> null);
    }

    /** The draft a conversion produced, once the order service has it (it arrives through Kafka). */
    private Uni<OrderModels.Application> applicationOf(String bearer, OpportunityModels.Detail o) {
        if (o.convertedAt() == null) {
            return Uni.createFrom().nullItem();
        }
        return orders.applications(bearer, null, o.summary().id(), null, 1)
                .map(page -> page.items().isEmpty() ? null : page.items().get(0))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("opportunity %s: order service unavailable: %s", o.summary().id(), failure.toString());
                    return null;
                });
    }

    @POST
    @Path("{id}/stage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> stage(@RestPath String id, @RestForm String stage, @RestForm String reason) {
        requireId(id);
        return opportunities.stage(user.bearer(), id, new OpportunityModels.StageChange(stage, blankToNull(reason)))
                .map(o -> Actions.to("/opportunities/" + id))
                .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/" + id, failure));
    }

    @POST
    @Path("{id}/bid")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CUSTOMER_MANAGER)
    public Uni<Response> bid(@RestPath String id, @RestForm String plan, @RestForm String proposedFirstContact) {
        requireId(id);
        LocalDate date;
        try {
            date = LocalDate.parse(proposedFirstContact);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Actions.to("/opportunities/" + id + "?problem=proposedFirstContact"));
        }
        return opportunities.bid(user.bearer(), id, new OpportunityModels.BidRequest(plan, date))
                .map(b -> Actions.to("/opportunities/" + id))
                .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/" + id, failure));
    }

    @POST
    @Path("{id}/award")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.SALES_DIRECTOR)
    public Uni<Response> award(@RestPath String id, @RestForm String bidderId, @RestForm String reason) {
        requireId(id);
        return opportunities.award(user.bearer(), id, new OpportunityModels.AwardRequest(bidderId, blankToNull(reason)))
                .map(o -> Actions.to("/opportunities/" + id))
                .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/" + id, failure));
    }

    @POST
    @Path("{id}/collaboration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CUSTOMER_MANAGER)
    public Uni<Response> invite(@RestPath String id, @RestForm String partnerId, @RestForm Integer partnerSharePercent) {
        requireId(id);
        int partner = partnerSharePercent == null ? 0 : partnerSharePercent;
        return opportunities.invite(user.bearer(), id,
                        new OpportunityModels.InviteRequest(partnerId, 100 - partner, partner))
                .map(o -> Actions.to("/opportunities/" + id))
                .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/" + id, failure));
    }

    /** The invited partner answers; after declining the opportunity is no longer theirs to see. */
    @POST
    @Path("{id}/collaboration/{answer}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CUSTOMER_MANAGER)
    public Uni<Response> answer(@RestPath String id, @RestPath String answer) {
        requireId(id);
        if ("accept".equals(answer)) {
            return opportunities.accept(user.bearer(), id).map(o -> Actions.to("/opportunities/" + id))
                    .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/" + id, failure));
        }
        if ("decline".equals(answer)) {
            return opportunities.decline(user.bearer(), id).map(v -> Actions.to("/opportunities"))
                    .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/" + id, failure));
        }
        throw new PageProblem(404);
    }

    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> convert(@RestPath String id) {
        requireId(id);
        return opportunities.convert(user.bearer(), id, new OpportunityModels.ConvertRequest(null, null))
                .map(o -> Actions.to("/opportunities/" + id))
                .onFailure().recoverWithItem(failure -> Actions.refused("/opportunities/" + id, failure));
    }

    static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new PageProblem(404);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
