package io.esop.workbench.order.rest;

import io.esop.workbench.common.client.Page;
import io.esop.workbench.common.web.Actions;
import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.PageProblem;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.common.web.Role;
import io.esop.workbench.customer.client.CustomerClient;
import io.esop.workbench.customer.client.CustomerModels;
import io.esop.workbench.customer.client.Upstream;
import io.esop.workbench.order.client.OrderClient;
import io.esop.workbench.order.client.OrderModels.Application;
import io.esop.workbench.order.client.OrderModels.ApplicationRequest;
import io.esop.workbench.order.client.OrderModels.Attribute;
import io.esop.workbench.order.client.OrderModels.Item;
import io.esop.workbench.order.client.OrderModels.ItemRequest;
import io.esop.workbench.order.client.OrderModels.Template;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Applications (申请单): create one from a product template, complete a draft (a converted opportunity's), submit
 * it and follow its approvals. A customer-facing person fills only the customer-facing attributes of the template;
 * back office completes the hidden ones on the same page, where it also sees their fields. The form posts fields named
 * {@code i<n>.quantity}, {@code i<n>.listPrice}, {@code i<n>.discountPercent} and {@code i<n>.attr.<name>}.
 */
@Path("/applications")
@RolesAllowed({ Role.CUSTOMER_MANAGER, Role.SALES_DIRECTOR, Role.BACK_OFFICE, Role.ADMIN })
public class ApplicationPages {

    static final Pattern NUMBER = Pattern.compile("(APP|AGR|ORD)-[0-9A-Za-z-]{1,40}");
    static final int MAX_ITEMS = 50;

    /** One item of the form: what the application holds and the template it follows. */
    @RegisterForReflection
    public record ItemForm(int index, Item item, Template template) {
        public Object value(Attribute attribute) {
            Object value = item == null ? null : item.attributes().get(attribute.name());
            return value != null ? value : attribute.defaultValue() == null ? "" : attribute.defaultValue();
        }

        public boolean selected(Attribute attribute, String option) {
            return String.valueOf(value(attribute)).equals(option);
        }
    }

    private final io.quarkus.qute.Template applications;
    private final io.quarkus.qute.Template application;
    private final io.quarkus.qute.Template create;
    private final CurrentUser user;
    private final OrderClient orders;
    private final CustomerClient customers;

    public ApplicationPages(@Location("applications.html") io.quarkus.qute.Template applications,
            @Location("application.html") io.quarkus.qute.Template application,
            @Location("application-new.html") io.quarkus.qute.Template create, CurrentUser user,
            @RestClient OrderClient orders, @RestClient CustomerClient customers) {
        this.applications = applications;
        this.application = application;
        this.create = create;
        this.user = user;
        this.orders = orders;
        this.customers = customers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        String view = user.scope().has(Role.CUSTOMER_MANAGER) ? "mine" : null;
        return orders.applications(user.bearer(), view, null, null, 50)
                .onFailure().transform(Upstream::translate)
                .map(page -> Pages.render(applications.data("page", page), uri, headers, user.scope()));
    }

    /** A new application: choose the customer and the product template, then fill the form. */
    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.CUSTOMER_MANAGER)
    public Uni<Response> createForm(@RestQuery String customerId, @RestQuery String template,
            @RestQuery String problem, @Context UriInfo uri, @Context HttpHeaders headers) {
        String bearer = user.bearer();
        Uni<List<CustomerModels.Profile>> mine = customers
                .list(bearer, null, null, null, null, user.username(), 100, null)
                .map(Page::items)
                .onFailure().recoverWithItem(failure -> List.of());
        Uni<List<Template>> templates = orders.templates(bearer, 100).map(p -> p.items())
                .onFailure().transform(Upstream::translate);
        return Uni.combine().all().unis(mine, templates).asTuple().map(both -> {
            Template chosen = both.getItem2().stream().filter(t -> t.code().equals(template)).findFirst()
                    .orElse(null);
            return Pages.render(create.data("customers", both.getItem1()).data("templates", both.getItem2())
                    .data("customerId", customerId).data("template", chosen)
                    .data("form", chosen == null ? null : new ItemForm(0, null, chosen))
                    .data("problem", problem), uri, headers, user.scope());
        });
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.CUSTOMER_MANAGER)
    public Uni<Response> create(MultivaluedMap<String, String> form) {
        String customerId = form.getFirst("customerId");
        String bearer = user.bearer();
        String back = "/applications/new?customerId=" + enc(customerId) + "&template=" + enc(form.getFirst("i0.productCode"));
        return itemsFrom(bearer, form)
                .chain(items -> orders.create(bearer, new ApplicationRequest(customerId, date(form), items)))
                .map(created -> Actions.to("/applications/" + created.applicationNo()))
                .onFailure().recoverWithItem(failure -> Actions.refused(back, failure));
    }

    @GET
    @Path("{no}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@RestPath String no, @RestQuery String problem, @RestQuery String saved,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        requireNumber(no);
        String bearer = user.bearer();
        return orders.application(bearer, no)
                .onFailure().transform(Upstream::translate)
                .chain(a -> forms(bearer, a).map(forms -> Pages.render(application.data("a", a).data("forms", forms)
                        .data("problem", problem).data("saved", saved != null)
                        .data("mayEdit", a.editable() && (user.username().equals(a.ownerId())
                                || user.scope().seesEverything())),
                        uri, headers, user.scope())));
    }

    /** Save the form, or save and submit it ({@code action=submit}). */
    @POST
    @Path("{no}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestPath String no, MultivaluedMap<String, String> form) {
        requireNumber(no);
        String bearer = user.bearer();
        boolean submit = "submit".equals(form.getFirst("action"));
        return itemsFrom(bearer, form)
                .chain(items -> orders.update(bearer, no, new ApplicationRequest(null, date(form), items)))
                .chain(updated -> submit ? orders.submit(bearer, no) : Uni.createFrom().item(updated))
                .map(done -> Actions.to("/applications/" + no + (submit ? "" : "?saved=1")))
                .onFailure().recoverWithItem(failure -> Actions.refused("/applications/" + no, failure));
    }

    private Uni<List<ItemForm>> forms(String bearer, Application a) {
        List<Uni<ItemForm>> forms = new ArrayList<>();
        for (int i = 0; i < a.items().size(); i++) {
            Item item = a.items().get(i);
            int index = i;
            forms.add(orders.template(bearer, item.productCode(), item.templateVersion())
                    .onFailure().recoverWithItem(failure -> {
                        Log.warnf("application %s: template %s unavailable: %s", a.applicationNo(), item.productCode(),
                                failure.toString());
                        return null;
                    })
                    .map(template -> new ItemForm(index, item, template)));
        }
        return forms.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(forms).andFailFast();
    }

    /** The items of the form, typed as their templates say (numbers as numbers, booleans as booleans). */
    private Uni<List<ItemRequest>> itemsFrom(String bearer, MultivaluedMap<String, String> form) {
        List<Uni<ItemRequest>> items = new ArrayList<>();
        for (int i = 0; i < MAX_ITEMS && form.containsKey("i" + i + ".productCode"); i++) {
            String prefix = "i" + i + ".";
            String code = form.getFirst(prefix + "productCode");
            Integer version = integer(form.getFirst(prefix + "templateVersion"));
            items.add(orders.template(bearer, code, version == null ? 1 : version).map(template -> {
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (Attribute attribute : template.customerFacing()) {
                    String raw = form.getFirst(prefix + "attr." + attribute.name());
                    if (raw != null && !raw.isBlank()) {
                        attributes.put(attribute.name(), typed(attribute, raw.strip()));
                    }
                }
                if (user.scope().seesEverything()) {
                    for (Attribute attribute : template.backOffice()) {
                        String raw = form.getFirst(prefix + "attr." + attribute.name());
                        if (raw != null && !raw.isBlank()) {
                            attributes.put(attribute.name(), typed(attribute, raw.strip()));
                        }
                    }
                }
                return new ItemRequest(code, template.version(), integer(form.getFirst(prefix + "quantity")),
                        attributes, decimal(form.getFirst(prefix + "listPrice")),
                        decimal(form.getFirst(prefix + "discountPercent")));
            }));
        }
        return items.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(items).andFailFast();
    }

    /** A value the service can check against the template; what does not parse is sent as typed, to be named. */
    static Object typed(Attribute attribute, String raw) {
        try {
            return switch (attribute.type() == null ? "" : attribute.type()) {
                case "INTEGER" -> Long.parseLong(raw);
                case "DECIMAL" -> new BigDecimal(raw);
                case "BOOLEAN" -> Boolean.parseBoolean(raw);
                default -> raw;
            };
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static LocalDate date(MultivaluedMap<String, String> form) {
        try {
            String raw = form.getFirst("requestedCompletionDate");
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Integer integer(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal decimal(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void requireNumber(String no) {
        if (no == null || !NUMBER.matcher(no).matches()) {
            throw new PageProblem(404);
        }
    }

    private static String enc(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
