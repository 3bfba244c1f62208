package io.esop.customer.customer.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.esop.contracts.Industry;
import io.esop.contracts.ValueTier;
import io.esop.customer.common.DataScope;
import io.esop.web.Page;
import io.esop.customer.common.rest.CallerScope;
import io.esop.customer.common.rest.QueryParams;
import io.esop.customer.customer.rest.CustomerViews.CustomerProfile;
import io.esop.customer.customer.rest.CustomerViews.CustomerView;
import io.esop.customer.customer.service.CustomerFilter;
import io.esop.customer.customer.service.CustomerService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Enterprise customers. Reads are limited to the caller's data scope; a customer outside it is 404. */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class CustomerResource {

    private final CustomerService service;
    private final CallerScope caller;

    public CustomerResource(CustomerService service, CallerScope caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Lists customers in the caller's scope, filtered, ordered by id, one page per call. */
    @GET
    public Uni<Page<CustomerProfile>> list(
            @QueryParam("region") String region,
            @QueryParam("industry") String industry,
            @QueryParam("tier") String tier,
            @QueryParam("manager") String manager,
            @QueryParam("q") String q,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        DataScope scope = caller.get();
        CustomerFilter filter = new CustomerFilter(QueryParams.region(region),
                QueryParams.enumValue(Industry.class, industry, "industry"),
                QueryParams.enumValue(ValueTier.class, tier, "tier"),
                manager == null || manager.isBlank() ? null : manager.trim(), q);
        return service.list(scope, filter, QueryParams.limit(limit, 50, 200), cursor);
    }

    /** The 360° view: profile, contacts, group members, holdings, credit, links to other services. */
    @GET
    @Path("{id}")
    public Uni<CustomerView> get(@PathParam("id") String id) {
        return service.view(caller.get(), id);
    }

    @POST
    @RolesAllowed({ DataScope.BACK_OFFICE, DataScope.ADMIN })
    public Uni<RestResponse<CustomerView>> create(@NotNull @Valid CustomerRequest request) {
        return service.create(request).map(view -> RestResponse.ResponseBuilder
                .<CustomerView> created(URI.create("/api/customers/" + view.profile().id())).entity(view).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ DataScope.BACK_OFFICE, DataScope.ADMIN })
    public Uni<CustomerView> update(@PathParam("id") String id, @NotNull @Valid CustomerRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ DataScope.BACK_OFFICE, DataScope.ADMIN })
    public Uni<Void> delete(@PathParam("id") String id) {
        return service.delete(id);
    }
}
