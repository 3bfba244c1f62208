package io.esop.workbench.opportunity.client;

import io.esop.workbench.common.client.Page;
import io.esop.workbench.opportunity.client.OpportunityModels.Accepted;
import io.esop.workbench.opportunity.client.OpportunityModels.AwardRequest;
import io.esop.workbench.opportunity.client.OpportunityModels.Bid;
import io.esop.workbench.opportunity.client.OpportunityModels.BidRequest;
import io.esop.workbench.opportunity.client.OpportunityModels.ConvertRequest;
import io.esop.workbench.opportunity.client.OpportunityModels.Detail;
import io.esop.workbench.opportunity.client.OpportunityModels.FieldCapture;
import io.esop.workbench.opportunity.client.OpportunityModels.Funnel;
import io.esop.workbench.opportunity.client.OpportunityModels.InviteRequest;
import io.esop.workbench.opportunity.client.OpportunityModels.SignalStatus;
import io.esop.workbench.opportunity.client.OpportunityModels.StageChange;
import io.esop.workbench.opportunity.client.OpportunityModels.Summary;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The opportunity service's API (services/opportunity). Every call carries the signed-in user's own access token,
 * passed explicitly: the service applies the user's data scope and roles, never the workbench's.
 */
@RegisterRestClient(configKey = "opportunity")
@Path("/api")
public interface OpportunityClient {

    @GET
    @Path("/opportunities")
    Uni<Page<Summary>> list(@HeaderParam("Authorization") String bearer, @QueryParam("view") String view,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/opportunities/funnel")
    Uni<Funnel> funnel(@HeaderParam("Authorization") String bearer, @QueryParam("by") String by);

    @GET
    @Path("/opportunities/{id}")
    Uni<Detail> get(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/signals/{signalId}")
    Uni<SignalStatus> signal(@HeaderParam("Authorization") String bearer, @PathParam("signalId") String signalId);

    @POST
    @Path("/opportunities/field-capture")
    Uni<Accepted> capture(@HeaderParam("Authorization") String bearer, FieldCapture capture);

    @POST
    @Path("/opportunities/{id}/stage")
    Uni<Detail> stage(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, StageChange change);

    @POST
    @Path("/opportunities/{id}/bids")
    Uni<Bid> bid(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, BidRequest bid);

    @POST
    @Path("/opportunities/{id}/award")
    Uni<Detail> award(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, AwardRequest award);

    @POST
    @Path("/opportunities/{id}/collaboration")
    Uni<Detail> invite(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            InviteRequest invite);

    @POST
    @Path("/opportunities/{id}/collaboration/accept")
    Uni<Detail> accept(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/opportunities/{id}/collaboration/decline")
    Uni<Void> decline(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/opportunities/{id}/convert")
    Uni<Detail> convert(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            ConvertRequest convert);
}
