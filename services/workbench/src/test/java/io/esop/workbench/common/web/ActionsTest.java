package io.esop.workbench.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A refused action goes back to its page with what the service said, naming the field; other failures do not. */
class ActionsTest {

    static WebApplicationException refusal(int status, String body) {
        return new WebApplicationException(Response.status(status).entity(body).type("application/problem+json").build());
    }

    @Test
    void aRefusalGoesBackWithTheProblemNamingTheField() {
        Response answer = Actions.refused("/applications/APP-1", refusal(400,
                "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"invalid application\","
                        + "\"errors\":[{\"field\":\"items[0].attributes.bandwidthMbps\",\"message\":\"must be ≥ 2\"}]}"));
        assertThat(answer.getStatus()).isEqualTo(303);
        String location = URLDecoder.decode(answer.getLocation().toString(), StandardCharsets.UTF_8);
        assertThat(location).startsWith("/applications/APP-1?problem=")
                .contains("invalid application; items[0].attributes.bandwidthMbps: must be ≥ 2");
    }

    @Test
    void aConflictKeepsTheQueryOfThePage() {
        Response answer = Actions.refused("/approvals?x=1", refusal(409, "{\"detail\":\"already decided\"}"));
        assertThat(URLDecoder.decode(answer.getLocation().toString(), StandardCharsets.UTF_8))
                .isEqualTo("/approvals?x=1&problem=already decided");
    }

    @Test
    void notFoundAndUnavailableAreThePagesOwn() {
        assertThatThrownBy(() -> Actions.refused("/orders/ORD-1", refusal(404, "")))
                .isInstanceOfSatisfying(PageProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> Actions.refused("/orders/ORD-1", new IllegalStateException("connection refused")))
                .isInstanceOfSatisfying(PageProblem.class, p -> assertThat(p.status()).isEqualTo(503));
    }
}
