package io.esop.customer.member.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.esop.customer.common.DataScope;
import io.esop.web.InvalidInput;
import io.esop.web.Page;
import io.esop.customer.common.rest.CallerScope;
import io.esop.customer.common.rest.QueryParams;
import io.esop.customer.customer.rest.CustomerViews.MemberView;
import io.esop.customer.customer.service.CustomerService;
import io.esop.customer.member.MemberResult;
import io.esop.customer.member.MobileNumber;
import io.esop.customer.member.service.MemberService;
import io.esop.customer.member.service.MemberService.BulkResult;
import io.esop.customer.member.service.MemberService.NumberResult;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

/**
 * Group members, the open capability for the enterprise customer's OA system. Anyone who may read the
 * customer may list them; the enterprise customer of that company, back-office and admins may change them.
 */
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "SecurityScheme")
public class MemberResource {

    private final MemberService members;
    private final CustomerService customers;
    private final CallerScope caller;

    public MemberResource(MemberService members, CustomerService customers, CallerScope caller) {
        this.members = members;
        this.customers = customers;
        this.caller = caller;
    }

    public record AddMember(@NotBlank String msisdn) {
    }

    public record BulkAdd(@NotNull @Size(min = 1, max = MemberService.BULK_LIMIT) List<String> msisdns) {
    }

    @GET
    @Path("members")
    public Uni<Page<MemberView>> list(@PathParam("id") String id,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = QueryParams.limit(limit, 100, 1000);
        return customers.findReadable(caller.get(), id).chain(() -> members.list(id, pageSize, cursor));
    }

    @POST
    @Path("members")
    public Uni<RestResponse<NumberResult>> add(@PathParam("id") String id, @NotNull @Valid AddMember request) {
        if (MobileNumber.parseOrNull(request.msisdn()) == null) {
            throw new InvalidInput("msisdn", MobileNumber.RULE);
        }
        return writable(id).chain(() -> members.add(id, List.of(request.msisdn())))
                .map(result -> {
                    NumberResult one = result.results().get(0);
                    return one.result() == MemberResult.ADDED
                            ? RestResponse.ResponseBuilder.<NumberResult> created(URI.create("/api/customers/" + id + "/members/"
                                    + one.msisdn())).entity(one).build()
                            : RestResponse.ok(one);
                });
    }

    /**
     * Adds up to 1,000 numbers; answers one result per submitted number, in order. Published as
     * {@code POST …/members:bulk} (see {@link BulkPathRewrite}); {@code …/members/bulk} is the same.
     */
    @POST
    @Path("members/bulk")
    public Uni<BulkResult> bulkAdd(@PathParam("id") String id, @NotNull @Valid BulkAdd request) {
        return writable(id).chain(() -> members.add(id, request.msisdns()));
    }

    @DELETE
    @Path("members/{msisdn}")
    public Uni<Void> remove(@PathParam("id") String id, @PathParam("msisdn") String msisdn) {
        return writable(id).chain(() -> members.remove(id, msisdn));
    }

    /** 404 outside the caller's scope, 403 for a reader who may not change members. */
    Uni<Void> writable(String id) {
        DataScope scope = caller.get();
        return customers.findReadable(scope, id).invoke(customer -> {
            if (!scope.readsAll() && !scope.isEnterpriseCustomerOf(id)) {
                throw new ForbiddenException("only the enterprise customer, back-office or admins change group members");
            }
        }).replaceWithVoid();
    }
}
