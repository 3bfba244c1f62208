package io.esop.workbench.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A button's answer (post/redirect/get): back to the page, and when the service refused, with what it said (its
 * problem+json detail and the fields it named) in {@code ?problem=}, shown on the page in a role=alert box.
 */
public final class Actions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 300;

    private Actions() {
    }

    public static Response to(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** Back to {@code path} with the refusal; a 404 or 403 is the page's own 404/403, anything else 503. */
    public static Response refused(String path, Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 400 || status == 409 || status == 422) {
                String text = describe(web);
                String sep = path.contains("?") ? "&" : "?";
                return to(path + sep + "problem=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
        }
        if (failure instanceof PageProblem problem) {
            throw problem;
        }
        throw io.esop.workbench.customer.client.Upstream.translate(failure);
    }

    /** The problem's detail and the fields it names, short. */
    static String describe(WebApplicationException web) {
        String text;
        try {
            String body = web.getResponse().readEntity(String.class);
            JsonNode problem = JSON.readTree(body);
            StringBuilder out = new StringBuilder(problem.path("detail").asText(problem.path("title").asText("")));
            for (JsonNode error : problem.path("errors")) {
                out.append(out.isEmpty() ? "" : "; ").append(error.path("field").asText()).append(": ")
                        .append(error.path("message").asText());
            }
            text = out.toString();
        } catch (Exception e) {
            Log.debugf("unreadable problem: %s", e.toString());
            text = "HTTP " + web.getResponse().getStatus();
        }
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}
