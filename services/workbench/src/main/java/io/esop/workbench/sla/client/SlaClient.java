package io.esop.workbench.sla.client;

import io.esop.workbench.common.client.Page;
import io.esop.workbench.sla.client.SlaModels.Alert;
import io.esop.workbench.sla.client.SlaModels.Clock;
import io.esop.workbench.sla.client.SlaModels.Compliance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The SLA service's API (services/sla), called with the signed-in user's own token. */
@RegisterRestClient(configKey = "sla")
@Path("/")
public interface SlaClient {

    @GET
    @Path("alerts/mine")
    Uni<Page<Alert>> myAlerts(@HeaderParam("Authorization") String bearer, @QueryParam("limit") Integer limit);

    @GET
    @Path("alerts/team")
    Uni<Page<Alert>> teamAlerts(@HeaderParam("Authorization") String bearer, @QueryParam("limit") Integer limit);

    @GET
    @Path("clocks")
    Uni<List<Clock>> clocks(@HeaderParam("Authorization") String bearer, @QueryParam("subjectType") String subjectType,
            @QueryParam("subjectId") String subjectId);

    @GET
    @Path("compliance")
    Uni<List<Compliance>> compliance(@HeaderParam("Authorization") String bearer, @QueryParam("groupBy") String groupBy);
}
