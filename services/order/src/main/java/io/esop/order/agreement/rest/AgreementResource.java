package io.esop.order.agreement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.esop.order.agreement.AgreementStatus;
import io.esop.order.agreement.mapping.AgreementDocument;
import io.esop.order.agreement.mapping.SimplePdf;
import io.esop.order.agreement.service.AgreementService;
import io.esop.web.Cursor;
import io.esop.web.Page;
import io.esop.order.common.Roles;
import io.esop.order.common.rest.CallerScope;
import io.smallrye.mutiny.Uni;

/** Agreements as JSON, HTML and PDF; signing. Enterprise customers see only their own company's. */
@Path("/api/agreements")
@Tag(name = "agreements")
@RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN, Roles.ENTERPRISE_CUSTOMER })
public class AgreementResource {

    private final AgreementService agreements;
    private final CallerScope caller;

    public AgreementResource(AgreementService agreements, CallerScope caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    @GET
    public Uni<Page<AgreementView>> list(@QueryParam("status") AgreementStatus status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return agreements.list(status, cursor, Cursor.limit(limit), caller.get());
    }

    @GET
    @Path("{no}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<AgreementView> get(@PathParam("no") String no) {
        return agreements.get(no, caller.get());
    }

    @GET
    @Path("{no}/html")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> html(@PathParam("no") String no) {
        return agreements.get(no, caller.get()).map(AgreementDocument::html);
    }

    @GET
    @Path("{no}/pdf")
    @Produces("application/pdf")
    public Uni<Response> pdf(@PathParam("no") String no) {
        return agreements.get(no, caller.get()).map(view -> Response
                .ok(SimplePdf.render(AgreementDocument.lines(view)), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + no + ".pdf\"")
                .build());
    }

    @POST
    @Path("{no}/signature")
    @RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.ENTERPRISE_CUSTOMER })
    public Uni<AgreementView> sign(@PathParam("no") String no) {
        return agreements.sign(no, caller.get());
    }
}
