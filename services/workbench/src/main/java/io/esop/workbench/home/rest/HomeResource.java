package io.esop.workbench.home.rest;

import io.esop.workbench.common.client.Page;
import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.common.web.UserScope;
import io.esop.workbench.customer.client.CustomerClient;
import io.esop.workbench.customer.client.CustomerModels.Profile;
import io.esop.workbench.opportunity.client.OpportunityClient;
import io.esop.workbench.opportunity.client.OpportunityModels;
import io.esop.workbench.order.client.OrderClient;
import io.esop.workbench.order.client.OrderModels;
import io.esop.workbench.order.rest.ApprovalPages;
import io.esop.workbench.sla.client.SlaClient;
import io.esop.workbench.sla.client.SlaModels;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Today": the first page after sign-in, one per role. A customer manager: opportunities to contact with the SLA
 * time left, open bids, applications waiting on them, alerts, customers and care reminders. A director: the team's
 * funnel and SLA compliance as bar charts, approvals to decide, bids to award, escalated alerts. Back office:
 * approvals (resource reservations) and applications in approval. Enterprise customers go to the portal. Each panel
 * comes from its service with the user's token; a service that does not answer makes only its panel say so.
 */
@Path("/")
@Authenticated
public class HomeResource {

    /** How many rows a panel shows; the list pages have the rest. */
    static final int HOME_ROWS = 10;

    /** An opportunity to contact and the time its first-contact clock has left (null: unknown). */
    @RegisterForReflection
    public record ToContact(OpportunityModels.Summary opportunity, Long minutesLeft) {
        public boolean late() {
            return minutesLeft != null && minutesLeft < 0;
        }

        public long overdue() {
            return minutesLeft == null ? 0 : -minutesLeft;
        }
    }

    /** A contact of one of my customers whose birthday falls within the next week. */
    @RegisterForReflection
    public record Birthday(String customerId, String customerName, String contactName, java.time.LocalDate date) {
    }

    static final int BIRTHDAY_DAYS = 7;

    private final Template home;
    private final CurrentUser user;
    private final CustomerClient customers;
    private final OpportunityClient opportunities;
    private final OrderClient orders;
    private final SlaClient sla;

    public HomeResource(@Location("home.html") Template home, CurrentUser user, @RestClient CustomerClient customers,
            @RestClient OpportunityClient opportunities, @RestClient OrderClient orders, @RestClient SlaClient sla) {
        this.home = home;
        this.user = user;
        this.customers = customers;
        this.opportunities = opportunities;
        this.orders = orders;
        this.sla = sla;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> today(@Context UriInfo uri, @Context HttpHeaders headers) {
        UserScope scope = user.scope();
        String role = scope.homeRole();
        if (Role.ENTERPRISE_CUSTOMER.equals(role)) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal")).build());
        }
        String bearer = user.bearer();
        TemplateInstance page = home.data("role", role);
        Uni<TemplateInstance> panels = switch (role) {
            case Role.SALES_DIRECTOR -> director(bearer, page);
            case Role.CUSTOMER_MANAGER -> manager(bearer, scope, page);
            default -> backOffice(bearer, page);
        };
        return panels.map(filled -> Pages.render(filled, uri, headers, scope));
    }

    private Uni<TemplateInstance> manager(String bearer, UserScope scope, TemplateInstance page) {
        Uni<List<ToContact>> toContact = orNull("opportunities", () -> opportunities
                .list(bearer, "mine", "ASSIGNED", HOME_ROWS, null)
                .chain(list -> list.items().isEmpty() ? Uni.createFrom().item(List.<ToContact>of())
                        : Uni.join().all(list.items().stream().map(o -> timeLeft(bearer, o)).toList()).andFailFast()));
        Uni<List<OpportunityModels.Summary>> bids = orNull("bids", () -> opportunities
                .list(bearer, "bids", null, HOME_ROWS, null).map(Page::items));
        Uni<List<OrderModels.Application>> waiting = orNull("applications", () -> orders
                .applications(bearer, "mine", null, null, 50)
                .map(p -> p.items().stream().filter(OrderModels.Application::editable).limit(HOME_ROWS).toList()));
        Uni<List<SlaModels.Alert>> alerts = orNull("alerts", () -> sla.myAlerts(bearer, HOME_ROWS)
                .map(Page::items));
        Uni<List<Profile>> mine = orNull("customers", () -> customers
                .list(bearer, null, null, null, null, scope.username(), HOME_ROWS, null).map(p -> p.items()));
        Uni<List<Birthday>> birthdays = mine.chain(list -> birthdays(bearer, list));
        return Uni.combine().all().unis(toContact, bids, waiting, alerts, mine, birthdays).asTuple()
                .map(all -> page.data("toContact", all.getItem1()).data("bids", all.getItem2())
                        .data("waiting", all.getItem3()).data("alerts", all.getItem4())
                        .data("customers", all.getItem5())
                        .data("care", all.getItem5() == null ? List.<Profile>of()
                                : all.getItem5().stream().filter(Profile::inArrears).toList())
                        .data("birthdays", all.getItem6()));
    }

    private Uni<TemplateInstance> director(String bearer, TemplateInstance page) {
        Uni<OpportunityModels.Funnel> funnel = orNull("funnel", () -> opportunities.funnel(bearer, "source"));
        Uni<List<SlaModels.Compliance>> compliance = orNull("compliance", () -> sla.compliance(bearer, "clockType"));
        Uni<List<ApprovalPages.Pending>> approvals = orNull("approvals",
                () -> ApprovalPages.pendingWithApplications(orders, bearer));
        Uni<List<OpportunityModels.Summary>> toAward = orNull("bids", () -> opportunities
                .list(bearer, "team", "BIDDING", HOME_ROWS, null).map(Page::items));
        Uni<List<SlaModels.Alert>> escalated = orNull("alerts", () -> sla.teamAlerts(bearer, 50)
                .map(p -> p.items().stream().filter(a -> "ESCALATED".equals(a.kind()) || "BREACHED".equals(a.kind()))
                        .limit(HOME_ROWS).toList()));
        // the team's customers: the customer service applies the director's scope
        Uni<List<Profile>> team = orNull("customers", () -> customers
                .list(bearer, null, null, null, null, null, HOME_ROWS, null).map(p -> p.items()));
        return Uni.combine().all().unis(funnel, compliance, approvals, toAward, escalated, team).asTuple()
                .map(all -> page.data("funnel", all.getItem1()).data("compliance", all.getItem2())
                        .data("approvals", all.getItem3()).data("toAward", all.getItem4())
                        .data("alerts", all.getItem5()).data("customers", all.getItem6())
                        .data("care", List.<Profile>of()));
    }

    private Uni<TemplateInstance> backOffice(String bearer, TemplateInstance page) {
        Uni<List<ApprovalPages.Pending>> approvals = orNull("approvals",
                () -> ApprovalPages.pendingWithApplications(orders, bearer));
        // drafts: back office completes the back-office attributes before the manager submits (they are
        // required at submission)
        Uni<List<OrderModels.Application>> inApproval = orNull("applications", () -> orders
                .applications(bearer, null, null, "DRAFT", HOME_ROWS).map(Page::items));
        return Uni.combine().all().unis(approvals, inApproval).asTuple()
                .map(all -> page.data("approvals", all.getItem1()).data("inApproval", all.getItem2()));
    }

    /** Birthdays in the coming week among the contacts of the customers on the page (their 360° views). */
    private Uni<List<Birthday>> birthdays(String bearer, List<Profile> customers) {
        if (customers == null || customers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return Uni.join().all(customers.stream().map(c -> this.customers.get(bearer, c.id())
                        .onFailure().recoverWithItem(failure -> null)).toList()).andFailFast()
                .map(views -> views.stream().filter(v -> v != null && v.profile() != null)
                        .flatMap(v -> v.contacts().stream().filter(k -> k.birthday() != null).map(k -> {
                            java.time.LocalDate next = nextBirthday(k.birthday(), today);
                            return next.isAfter(today.plusDays(BIRTHDAY_DAYS)) ? null
                                    : new Birthday(v.profile().id(), v.profile().name(), k.name(), next);
                        }))
                        .filter(b -> b != null)
                        .sorted(java.util.Comparator.comparing(Birthday::date))
                        .toList());
    }

    static java.time.LocalDate nextBirthday(java.time.LocalDate birthday, java.time.LocalDate today) {
        java.time.MonthDay day = java.time.MonthDay.from(birthday);
        java.time.LocalDate next = day.atYear(today.getYear());
        return next.isBefore(today) ? day.atYear(today.getYear() + 1) : next;
    }

    private Uni<ToContact> timeLeft(String bearer, OpportunityModels.Summary o) {
        return sla.clocks(bearer, "OPPORTUNITY", o.id())
                .map(clocks -> clocks.stream().filter(c -> "OPPORTUNITY_FIRST_CONTACT".equals(c.clockType()))
                        .map(SlaModels.Clock::minutesLeft).filter(m -> m != null).findFirst().orElse(null))
                .onFailure().recoverWithItem(failure -> null)
                .map(minutes -> new ToContact(o, minutes));
    }

    /** A panel's data, or null (the panel says its service is unavailable) when the service fails. */
    private static <T> Uni<T> orNull(String panel, Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call).onFailure().recoverWithItem(failure -> {
            Log.warnf("home: %s unavailable: %s", panel, failure.toString());
            return null;
        });
    }
}
