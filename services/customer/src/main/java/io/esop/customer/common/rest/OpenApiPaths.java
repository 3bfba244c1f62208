package io.esop.customer.common.rest;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/** Documents the bulk add under its public custom-method path {@code …/members:bulk}. */
public class OpenApiPaths implements OASFilter {

    static final String INTERNAL = "/api/customers/{id}/members/bulk";
    static final String PUBLIC = "/api/customers/{id}/members:bulk";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem bulk = openAPI.getPaths().getPathItem(INTERNAL);
        if (bulk != null) {
            openAPI.getPaths().removePathItem(INTERNAL);
            openAPI.getPaths().addPathItem(PUBLIC, bulk);
        }
    }
}
