package io.esop.opportunity.opportunity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.esop.contracts.ProductLine;
import io.esop.contracts.opportunity.OpportunityStage;
import io.esop.contracts.signal.SignalSource;
import io.esop.opportunity.common.Caller;
import io.esop.opportunity.common.rest.CallerScope;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.AssignRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.AwardRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.BidRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.ConvertRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.FieldCapture;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.InviteRequest;
import io.esop.opportunity.opportunity.rest.OpportunityRequests.StageChange;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Accepted;
import io.esop.opportunity.opportunity.rest.OpportunityViews.BidView;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Detail;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Funnel;
import io.esop.opportunity.opportunity.rest.OpportunityViews.SignalStatus;
import io.esop.opportunity.opportunity.rest.OpportunityViews.Summary;
import io.esop.opportunity.opportunity.service.OpportunityCommands;
import io.esop.opportunity.opportunity.service.OpportunityQueries.View;
import io.esop.opportunity.opportunity.service.OpportunityQueries;
import io.esop.web.InvalidInput;
import io.esop.web.Page;
import io.smallrye.mutiny.Uni;

/** Opportunities for managers and directors, scoped by the caller's token. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    private static final String STAFF = "customer-manager";
    private static final String DIRECTOR = "sales-director";

    private final OpportunityQueries queries;
    private final OpportunityCommands commands;
    private final CallerScope caller;

    public OpportunityResource(OpportunityQueries queries, OpportunityCommands commands, CallerScope caller) {
        this.queries = queries;
        this.commands = commands;
        this.caller = caller;
    }

    /** view: mine (managers' default), team (directors' default), bids (open bids I may join), all (back office). */
    @GET
    @Path("/opportunities")
    @RolesAllowed({ STAFF, DIRECTOR, "back-office", "esop-admin" })
    public Uni<Page<Summary>> list(@QueryParam("view") String view, @QueryParam("status") OpportunityStage status,
            @QueryParam("source") SignalSource source, @QueryParam("productLine") ProductLine productLine,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit, @QueryParam("cursor") String cursor) {
        Caller c = caller.get();
        return queries.list(c, view(view, c), status, source, productLine, limit, cursor);
    }

    @GET
    @Path("/opportunities/funnel")
    @RolesAllowed({ STAFF, DIRECTOR, "back-office", "esop-admin" })
    public Uni<Funnel> funnel(@QueryParam("by") @DefaultValue("source") String by) {
        return queries.funnel(caller.get(), by);
    }

    @GET
    @Path("/opportunities/{id}")
    @RolesAllowed({ STAFF, DIRECTOR, "back-office", "esop-admin" })
    public Uni<Detail> get(@PathParam("id") String id) {
        return queries.detail(caller.get(), id);
    }

    @GET
    @Path("/signals/{signalId}")
    @RolesAllowed({ STAFF, DIRECTOR, "back-office", "esop-admin" })
    public Uni<SignalStatus> signal(@PathParam("signalId") String signalId) {
        return queries.signal(caller.get(), signalId);
    }

    /** A field visit: accepted as a FIELD_VISIT signal; the pipeline creates or merges the opportunity. */
    @POST
    @Path("/opportunities/field-capture")
    @RolesAllowed(STAFF)
    @ResponseStatus(202)
    public Uni<Accepted> capture(@Valid @NotNull FieldCapture request) {
        return commands.capture(caller.get(), request).map(Accepted::new);
    }

    @POST
    @Path("/opportunities/{id}/stage")
    @RolesAllowed({ STAFF, DIRECTOR, "esop-admin" })
    public Uni<Detail> stage(@PathParam("id") String id, @Valid @NotNull StageChange request) {
        Caller c = caller.get();
        return commands.changeStage(c, id, request).chain(() -> queries.detail(c, id));
    }

    @POST
    @Path("/opportunities/{id}/bids")
    @RolesAllowed(STAFF)
    @ResponseStatus(201)
    public Uni<BidView> bid(@PathParam("id") String id, @Valid @NotNull BidRequest request) {
        return commands.bid(caller.get(), id, request).map(b -> new BidView(b.id, b.bidderId, b.plan,
                b.proposedFirstContact, b.ability, b.submittedAt));
    }

    @POST
    @Path("/opportunities/{id}/award")
    @RolesAllowed({ DIRECTOR, "esop-admin" })
    public Uni<Detail> award(@PathParam("id") String id, @Valid @NotNull AwardRequest request) {
        Caller c = caller.get();
        return commands.award(c, id, request).chain(() -> queries.detail(c, id));
    }

    @POST
    @Path("/opportunities/{id}/assign")
    @RolesAllowed({ DIRECTOR, "esop-admin" })
    public Uni<Detail> assign(@PathParam("id") String id, @Valid @NotNull AssignRequest request) {
        Caller c = caller.get();
        return commands.assign(c, id, request).chain(() -> queries.detail(c, id));
    }

    @POST
    @Path("/opportunities/{id}/collaboration")
    @RolesAllowed(STAFF)
    public Uni<Detail> invite(@PathParam("id") String id, @Valid @NotNull InviteRequest request) {
        Caller c = caller.get();
        return commands.invite(c, id, request).chain(() -> queries.detail(c, id));
    }

    @POST
    @Path("/opportunities/{id}/collaboration/accept")
    @RolesAllowed(STAFF)
    public Uni<Detail> accept(@PathParam("id") String id) {
        Caller c = caller.get();
        return commands.answer(c, id, true).chain(() -> queries.detail(c, id));
    }

    @POST
    @Path("/opportunities/{id}/collaboration/decline")
    @RolesAllowed(STAFF)
    @ResponseStatus(204)
    public Uni<Void> decline(@PathParam("id") String id) {
        // the decliner no longer sees the opportunity, so there is nothing to return
        return commands.answer(caller.get(), id, false).replaceWithVoid();
    }

    @POST
    @Path("/opportunities/{id}/convert")
    @RolesAllowed({ STAFF, DIRECTOR, "esop-admin" })
    public Uni<Detail> convert(@PathParam("id") String id, @Valid ConvertRequest request) {
        Caller c = caller.get();
        return commands.convert(c, id, request).chain(() -> queries.detail(c, id));
    }

    private static View view(String text, Caller c) {
        if (text == null || text.isBlank()) {
            return OpportunityQueries.defaultView(c);
        }
        try {
            return View.valueOf(text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("view", "one of mine, team, bids, all");
        }
    }
}
