package io.esop.workbench.order.client;

import io.esop.workbench.common.client.Page;
import io.esop.workbench.order.client.OrderModels.Agreement;
import io.esop.workbench.order.client.OrderModels.Application;
import io.esop.workbench.order.client.OrderModels.ApplicationRequest;
import io.esop.workbench.order.client.OrderModels.Approval;
import io.esop.workbench.order.client.OrderModels.Decision;
import io.esop.workbench.order.client.OrderModels.Order;
import io.esop.workbench.order.client.OrderModels.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The order service's API (services/order). Every call carries the signed-in user's own access token, passed
 * explicitly: the service decides what this user may see and do.
 */
@RegisterRestClient(configKey = "order")
@Path("/api")
public interface OrderClient {

    @GET
    @Path("/templates")
    Uni<Page<Template>> templates(@HeaderParam("Authorization") String bearer, @QueryParam("limit") Integer limit);

    @GET
    @Path("/templates/{code}/versions/{version}")
    Uni<Template> template(@HeaderParam("Authorization") String bearer, @PathParam("code") String code,
            @PathParam("version") int version);

    @GET
    @Path("/applications")
    Uni<Page<Application>> applications(@HeaderParam("Authorization") String bearer, @QueryParam("view") String view,
            @QueryParam("opportunityId") String opportunityId, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/applications/{no}")
    Uni<Application> application(@HeaderParam("Authorization") String bearer, @PathParam("no") String no);

    @POST
    @Path("/applications")
    Uni<Application> create(@HeaderParam("Authorization") String bearer, ApplicationRequest request);

    @PUT
    @Path("/applications/{no}")
    Uni<Application> update(@HeaderParam("Authorization") String bearer, @PathParam("no") String no,
            ApplicationRequest request);

    @POST
    @Path("/applications/{no}/submission")
    Uni<Application> submit(@HeaderParam("Authorization") String bearer, @PathParam("no") String no);

    @GET
    @Path("/approvals/pending")
    Uni<Page<Approval>> pendingApprovals(@HeaderParam("Authorization") String bearer,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("/approvals/{id}/decision")
    Uni<Approval> decide(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, Decision decision);

    @GET
    @Path("/agreements")
    Uni<Page<Agreement>> agreements(@HeaderParam("Authorization") String bearer, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/agreements/{no}")
    Uni<Agreement> agreement(@HeaderParam("Authorization") String bearer, @PathParam("no") String no);

    @GET
    @Path("/agreements/{no}/pdf")
    @Produces("application/pdf")
    Uni<Response> agreementPdf(@HeaderParam("Authorization") String bearer, @PathParam("no") String no);

    @POST
    @Path("/agreements/{no}/signature")
    Uni<Agreement> sign(@HeaderParam("Authorization") String bearer, @PathParam("no") String no);

    @GET
    @Path("/orders")
    Uni<Page<Order>> orders(@HeaderParam("Authorization") String bearer, @QueryParam("customerId") String customerId,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/orders/{id}")
    Uni<Order> order(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);
}
