package io.esop.order.template.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.esop.web.Cursor;
import io.esop.web.Page;
import io.esop.order.common.Roles;
import io.esop.order.common.rest.CallerScope;
import io.esop.order.template.service.TemplateService;
import io.smallrye.mutiny.Uni;

/** Product templates: every member of staff reads, back office and admin write (each write is a new version). */
@Path("/api/templates")
@Tag(name = "templates")
public class TemplateResource {

    private final TemplateService templates;
    private final CallerScope caller;

    public TemplateResource(TemplateService templates, CallerScope caller) {
        this.templates = templates;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN })
    public Uni<Page<TemplateView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return templates.list(cursor, Cursor.limit(limit), caller.get().readsAll());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN })
    public Uni<TemplateView> latest(@PathParam("code") String code) {
        return templates.get(code, null, caller.get().readsAll());
    }

    @GET
    @Path("{code}/versions/{version}")
    @RolesAllowed({ Roles.CUSTOMER_MANAGER, Roles.SALES_DIRECTOR, Roles.BACK_OFFICE, Roles.ADMIN })
    public Uni<TemplateView> version(@PathParam("code") String code, @PathParam("version") int version) {
        return templates.get(code, version, caller.get().readsAll());
    }

    @POST
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.ADMIN })
    public Uni<Response> create(@Valid @NotNull TemplateRequest request) {
        return templates.create(request, caller.get().username())
                .map(view -> Response.status(201).entity(view).build());
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.ADMIN })
    public Uni<TemplateView> update(@PathParam("code") String code, @Valid @NotNull TemplateRequest request) {
        return templates.update(code, request, caller.get().username());
    }
}
