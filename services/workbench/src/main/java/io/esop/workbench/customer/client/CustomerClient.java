package io.esop.workbench.customer.client;

import io.esop.workbench.common.client.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The customer service's API (services/customer, README there). Every call carries the signed-in user's own
 * access token, passed explicitly so that no call can go out with more rights than the user has; the customer
 * service applies the data scope and answers 404 for a customer outside it.
 */
@RegisterRestClient(configKey = "customer")
@Path("/api/customers")
public interface CustomerClient {

    @GET
    Uni<Page<CustomerModels.Profile>> list(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("q") String q,
            @QueryParam("region") String region,
            @QueryParam("industry") String industry,
            @QueryParam("tier") String tier,
            @QueryParam("manager") String manager,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("{id}")
    Uni<CustomerModels.View> get(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("{id}/members")
    Uni<Page<CustomerModels.Member>> members(
            @HeaderParam("Authorization") String bearer,
            @PathParam("id") String id,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);
}
