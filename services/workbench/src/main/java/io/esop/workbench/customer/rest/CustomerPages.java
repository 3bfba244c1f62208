package io.esop.workbench.customer.rest;

import io.esop.contracts.Industry;
import io.esop.contracts.ValueTier;
import io.esop.workbench.common.config.WorkbenchConfig;
import io.esop.workbench.common.web.CurrentUser;
import io.esop.workbench.common.web.PageProblem;
import io.esop.workbench.common.web.Pages;
import io.esop.workbench.customer.client.CustomerClient;
import io.esop.workbench.customer.client.Upstream;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Customer search and the 360° view, read from the customer service with the user's token. */
@Path("/customers")
@Authenticated
public class CustomerPages {

    private static final Pattern REGION = Pattern.compile("[0-9]{6}");
    private static final List<String> INDUSTRIES = Arrays.stream(Industry.values()).map(Enum::name).toList();
    private static final List<String> TIERS = Arrays.stream(ValueTier.values()).map(Enum::name).toList();

    private final Template customers;
    private final Template results;
    private final Template customer;
    private final CurrentUser user;
    private final CustomerClient client;
    private final WorkbenchConfig config;

    public CustomerPages(@Location("customers.html") Template customers,
            @Location("customers-results.html") Template results,
            @Location("customer.html") Template customer,
            CurrentUser user, @RestClient CustomerClient client, WorkbenchConfig config) {
        this.customers = customers;
        this.results = results;
        this.customer = customer;
        this.user = user;
        this.client = client;
        this.config = config;
    }

    /** The search page; an htmx request (HX-Request) gets only the results, the rest of the page stays. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> search(@RestQuery String q, @RestQuery String region, @RestQuery String industry,
            @RestQuery String tier, @RestQuery String cursor, @HeaderParam("HX-Request") String htmx,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        // drop what the customer service would refuse, rather than fail the whole page
        String q1 = blankToNull(q);
        String region1 = region != null && REGION.matcher(region.strip()).matches() ? region.strip() : null;
        String industry1 = INDUSTRIES.contains(industry) ? industry : null;
        String tier1 = TIERS.contains(tier) ? tier : null;
        return client.list(user.bearer(), q1, region1, industry1, tier1, null, config.customerPageSize(),
                        blankToNull(cursor))
                .onFailure().transform(Upstream::translate)
                .map(page -> {
                    Template template = htmx != null ? results : customers;
                    return Pages.render(template.instance()
                            .data("q", q1 == null ? "" : q1)
                            .data("region", region1 == null ? "" : region1)
                            .data("industry", industry1 == null ? "" : industry1)
                            .data("tier", tier1 == null ? "" : tier1)
                            .data("industries", INDUSTRIES)
                            .data("tiers", TIERS)
                            .data("page", page)
                            .data("nextQuery", nextQuery(q1, region1, industry1, tier1, page.nextCursor())),
                            uri, headers, user.scope());
                });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> view(@RestPath String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (id == null || id.length() > 64) {
            throw new PageProblem(404);
        }
        return client.get(user.bearer(), id)
                .onFailure().transform(Upstream::translate)
                .map(view -> Pages.render(customer.data("c", view), uri, headers, user.scope()));
    }

    private static String nextQuery(String q, String region, String industry, String tier, String cursor) {
        if (cursor == null) {
            return null;
        }
        StringBuilder query = new StringBuilder("?cursor=").append(encode(cursor));
        if (q != null) {
            query.append("&q=").append(encode(q));
        }
        if (region != null) {
            query.append("&region=").append(region);
        }
        if (industry != null) {
            query.append("&industry=").append(industry);
        }
        if (tier != null) {
            query.append("&tier=").append(tier);
        }
        return query.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
