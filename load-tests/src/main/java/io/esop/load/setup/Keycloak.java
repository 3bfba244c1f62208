package io.esop.load.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esop.load.Http;
import io.esop.load.Stack;
import java.util.List;
import java.util.Map;

/**
 * The Keycloak admin REST calls of the load setup (master realm, {@code kcadmin}), and password-grant tokens of
 * realm users through the script client {@code esop-cli}.
 */
public final class Keycloak {

    /** The workbench client for a workbench started on another port than 8080 (the smoke test's). */
    public static final String LOAD_WEB_CLIENT = "esop-load-web";
    public static final String LOAD_WEB_SECRET = "esop-load-web-secret";

    private String token;
    private long renewAt;

    private Keycloak() {
    }

    public static Keycloak admin() {
        return new Keycloak();
    }

    /** The admin token, renewed well before the master realm's 60-second lifespan runs out. */
    private synchronized String adminToken() {
        if (token == null || System.currentTimeMillis() > renewAt) {
            JsonNode answer = Http.form(Stack.keycloak() + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", System.getProperty("esop.keycloak.admin", "kcadmin"),
                            "password", System.getProperty("esop.keycloak.admin-password", "kcadmin")));
            token = answer.get("access_token").asText();
            renewAt = System.currentTimeMillis() + answer.get("expires_in").asLong() * 1000 / 2;
        }
        return token;
    }

    /** An access token of a realm user (client esop-cli, password grant). */
    public static String token(String username, String password) {
        return Http.form(Stack.realm() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "esop-cli", "username", username, "password", password))
                .get("access_token").asText();
    }

    private String users() {
        return Stack.keycloak() + "/admin/realms/esop/users";
    }

    /** Creates (or replaces) a user with a realm role, attributes and a permanent password. */
    public void createUser(String username, String role, Map<String, List<String>> attributes) {
        deleteUser(username);
        Http.post(users(), adminToken(), Map.of("username", username, "enabled", true, "emailVerified", true,
                "email", username + "@load.esop.invalid", "firstName", "Load", "lastName", username,
                "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", Stack.LOAD_PASSWORD, "temporary", false))));
        String id = userId(username);
        JsonNode roleRep = Http.get(Stack.keycloak() + "/admin/realms/esop/roles/" + role, adminToken());
        Http.post(users() + "/" + id + "/role-mappings/realm", adminToken(), List.of(roleRep));
    }

    public void deleteUser(String username) {
        String id = userId(username);
        if (id != null) {
            Http.delete(users() + "/" + id, adminToken());
        }
    }

    /** Usernames starting with {@code prefix}. */
    public List<String> usernames(String prefix) {
        JsonNode found = Http.get(users() + "?max=10000&briefRepresentation=true&search=" + prefix, adminToken());
        return java.util.stream.StreamSupport.stream(found.spliterator(), false)
                .map(u -> u.get("username").asText()).filter(u -> u.startsWith(prefix)).toList();
    }

    private String userId(String username) {
        JsonNode found = Http.get(users() + "?exact=true&username=" + username, adminToken());
        return found.isArray() && !found.isEmpty() ? found.get(0).get("id").asText() : null;
    }

    /**
     * A copy of the workbench's client {@code esop-web} (same claims and audience) that may redirect to
     * {@code workbenchUrl}: for a workbench started on another port than the realm's 8080.
     */
    public void ensureWebClient(String workbenchUrl) {
        String clients = Stack.keycloak() + "/admin/realms/esop/clients";
        JsonNode existing = Http.get(clients + "?clientId=" + LOAD_WEB_CLIENT, adminToken());
        if (!existing.isEmpty()) {
            Http.delete(clients + "/" + existing.get(0).get("id").asText(), adminToken());
        }
        ObjectNode web = (ObjectNode) Http.get(clients + "?clientId=esop-web", adminToken()).get(0);
        web.remove("id");
        web.withArray("protocolMappers").forEach(m -> ((ObjectNode) m).remove("id"));
        web.put("clientId", LOAD_WEB_CLIENT).put("secret", LOAD_WEB_SECRET).put("name", "ESOP load-test workbench");
        web.putArray("redirectUris").add(workbenchUrl + "/*");
        ((ObjectNode) web.with("attributes")).put("post.logout.redirect.uris", workbenchUrl + "/*");
        Http.post(clients, adminToken(), web);
    }

    public void deleteWebClient() {
        String clients = Stack.keycloak() + "/admin/realms/esop/clients";
        JsonNode existing = Http.get(clients + "?clientId=" + LOAD_WEB_CLIENT, adminToken());
        if (!existing.isEmpty()) {
            Http.delete(clients + "/" + existing.get(0).get("id").asText(), adminToken());
        }
    }
}
