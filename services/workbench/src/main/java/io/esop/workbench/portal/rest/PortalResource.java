package io.esop.workbench.portal.rest;

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
import io.esop.workbench.order.client.OrderClient;
import io.esop.workbench.order.client.OrderModels;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestPath;
import java.util.regex.Pattern;
import io.esop.workbench.portal.InquiryForm;
import io.esop.workbench.portal.service.InquiryService;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import io.esop.workbench.common.web.Lang;
import io.esop.workbench.common.web.Msg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The enterprise portal (政企网厅): the company at a glance, agreements to sign (with the PDF), the company's
 * orders with their milestones moving live, an inquiry form that becomes a PORTAL_INQUIRY signal, and the group
 * members. The company is always the one in the token's customer_id claim.
 */
@Path("/portal")
@RolesAllowed(Role.ENTERPRISE_CUSTOMER)
public class PortalResource {

    static final int MEMBERS_PAGE = 20;
    private static final List<String> PRODUCTS = Arrays.stream(ProductLine.values()).map(Enum::name).toList();
    private static final List<String> INTENTS = List.of(Intent.NEW.name(), Intent.EXPAND.name(), Intent.RENEW.name());

    /** A choice in a select: the enum name sent, the label shown in the user's language. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Option(String value, String label) {
    }

    static final Pattern AGREEMENT = Pattern.compile("AGR-[0-9A-Za-z-]{1,60}");
    static final int ORDERS = 20;

    private final Template portal;
    private final Template portalOrders;
    private final CurrentUser user;
    private final CustomerClient customers;
    private final OrderClient orders;
    private final InquiryService inquiries;

    public PortalResource(@Location("portal.html") Template portal, @Location("portal-orders.html") Template portalOrders,
            CurrentUser user, @RestClient CustomerClient customers, @RestClient OrderClient orders,
            InquiryService inquiries) {
        this.portal = portal;
        this.portalOrders = portalOrders;
        this.user = user;
        this.customers = customers;
        this.orders = orders;
        this.inquiries = inquiries;
    }

    /** The company's orders with their timelines: part of the page, and fetched again on each live order event. */
    @GET
    @Path("orders")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> orders(@Context UriInfo uri, @Context HttpHeaders headers) {
        UserScope scope = user.scope();
        return ordersOf(scope).map(list -> Pages.render(portalOrders.data("orders", list), uri, headers, scope));
    }

    /** Signs the agreement as the company (the order service checks it is this company's); creates the order. */
    @POST
    @Path("agreements/{no}/signature")
    public Uni<Response> sign(@RestPath String no) {
        if (no == null || !AGREEMENT.matcher(no).matches()) {
            throw new PageProblem(404);
        }
        return orders.sign(user.bearer(), no)
                .map(signed -> Actions.to("/portal?signed=" + no))
                .onFailure().recoverWithItem(failure -> Actions.refused("/portal", failure));
    }

    private Uni<List<OrderModels.Order>> ordersOf(UserScope scope) {
        String customerId = companyOf(scope);
        String bearer = user.bearer();
        // the list carries no timelines: each order is read with its own
        return orders.orders(bearer, customerId, ORDERS).map(Page::items)
                .chain(list -> list.isEmpty() ? Uni.createFrom().item(list)
                        : Uni.join().all(list.stream().map(o -> orders.order(bearer, o.orderId())
                                .onFailure().recoverWithItem(o)).toList()).andFailFast())
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("portal: orders of %s unavailable: %s", customerId, failure.toString());
                    return null;
                });
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@RestQuery String sent, @RestQuery String signed, @RestQuery String problem,
            @RestQuery String membersCursor, @Context UriInfo uri, @Context HttpHeaders headers) {
        return page(InquiryForm.empty(), List.of(), safeReference(sent), membersCursor, uri, headers,
                Response.Status.OK);
    }

    @POST
    @Path("inquiries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> inquire(@RestForm String productLine, @RestForm String intent, @RestForm String detail,
            @RestForm String estimatedMonthlyValue, @Context UriInfo uri, @Context HttpHeaders headers) {
        UserScope scope = user.scope();
        String customerId = companyOf(scope);
        InquiryForm form = new InquiryForm(productLine, intent, detail, estimatedMonthlyValue);
        List<InquiryForm.FieldError> errors = form.errors();
        if (!errors.isEmpty()) {
            return page(form, errors, null, null, uri, headers, Response.Status.BAD_REQUEST);
        }
        // post/redirect/get: a reload does not send the inquiry twice
        return inquiries.submit(customerId, scope.username(), form)
                .map(saved -> Response.seeOther(URI.create("/portal?sent=" + saved.id)).build());
    }

    private Uni<Response> page(InquiryForm form, List<InquiryForm.FieldError> errors, String sent,
            String membersCursor, UriInfo uri, HttpHeaders headers, Response.Status status) {
        UserScope scope = user.scope();
        String customerId = companyOf(scope);
        String bearer = user.bearer();
        Uni<CustomerModels.View> company = customers.get(bearer, customerId)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("portal: company %s unavailable: %s", customerId, failure.toString());
                    return null;
                });
        Uni<Page<CustomerModels.Member>> members = customers
                .members(bearer, customerId, MEMBERS_PAGE, blankToNull(membersCursor))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("portal: members of %s unavailable: %s", customerId, failure.toString());
                    return null;
                });
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(Lang.tag(Lang.of(uri, headers))));
        List<Option> products = PRODUCTS.stream().map(p -> new Option(p, productLabel(msg, p))).toList();
        List<Option> intents = INTENTS.stream().map(i -> new Option(i, intentLabel(msg, i))).toList();
        Uni<List<OrderModels.Agreement>> toSign = orders.agreements(bearer, "ISSUED", 20)
                .map(Page::items)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("portal: agreements of %s unavailable: %s", customerId, failure.toString());
                    return null;
                });
        String signed = uri.getQueryParameters().getFirst("signed");
        String problem = uri.getQueryParameters().getFirst("problem");
        return Uni.combine().all().unis(company, members, toSign, ordersOf(scope)).asTuple()
                .map(both -> Pages.render(portal.instance()
                        .data("agreements", both.getItem3())
                        .data("orders", both.getItem4())
                        .data("signed", signed != null && AGREEMENT.matcher(signed).matches() ? signed : null)
                        .data("problem", problem)
                        .data("company", both.getItem1())
                        .data("members", both.getItem2())
                        .data("form", form)
                        .data("errors", errors)
                        // an untouched form is not wrong yet: field errors show only after a submission
                        .data("checked", !errors.isEmpty())
                        .data("sent", sent)
                        .data("membersNext", both.getItem2() == null || both.getItem2().nextCursor() == null ? null
                                : URLEncoder.encode(both.getItem2().nextCursor(), StandardCharsets.UTF_8))
                        .data("products", products)
                        .data("intents", intents)
                        .data("maxDetail", InquiryForm.MAX_DETAIL),
                        uri, headers, scope, status));
    }

    private static String companyOf(UserScope scope) {
        if (scope.customerId() == null || scope.customerId().isBlank()) {
            // an enterprise user without a company in the token may not see any company
            throw new PageProblem(403);
        }
        return scope.customerId();
    }

    /** Only a reference we generate is echoed back into the page. */
    private static String safeReference(String sent) {
        return sent != null && sent.matches("INQ-[0-9]{8}-[0-9A-F]{8}") ? sent : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String productLabel(Msg msg, String product) {
        return switch (ProductLine.valueOf(product)) {
            case DEDICATED_LINE -> msg.product_DEDICATED_LINE();
            case IDC -> msg.product_IDC();
            case CLOUD -> msg.product_CLOUD();
            case IOT -> msg.product_IOT();
            case VOICE -> msg.product_VOICE();
            case SMS -> msg.product_SMS();
            case SDWAN -> msg.product_SDWAN();
        };
    }

    private static String intentLabel(Msg msg, String intent) {
        return switch (Intent.valueOf(intent)) {
            case NEW -> msg.intent_NEW();
            case EXPAND -> msg.intent_EXPAND();
            case RENEW -> msg.intent_RENEW();
            case RETAIN -> msg.intent_RETAIN();
        };
    }
}
