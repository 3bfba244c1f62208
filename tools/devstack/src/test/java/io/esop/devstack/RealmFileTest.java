package io.esop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm file is used by the local stack, the tests and the Keycloak operator alike: what it must hold. */
class RealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        realm = new ObjectMapper().readTree(Repository.root().resolve("k8s/keycloak/realm-esop.json").toFile());
    }

    @Test
    void hasTheFiveRoles() {
        assertThat(names(realm.path("roles").path("realm"), "name")).containsExactlyInAnyOrder(
                "customer-manager", "sales-director", "back-office", "enterprise-customer", "esop-admin");
    }

    @Test
    void webIsConfidentialCodeFlowMobileIsPublicWithPkceCliHasDirectGrantsOnly() {
        JsonNode web = client("esop-web");
        assertThat(web.path("publicClient").asBoolean()).isFalse();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();

        JsonNode mobile = client("esop-mobile");
        assertThat(mobile.path("publicClient").asBoolean()).isTrue();
        assertThat(mobile.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(mobile.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(mobile.path("directAccessGrantsEnabled").asBoolean()).isFalse();

        JsonNode cli = client("esop-cli");
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void everyClientMapsTheScopeClaimsIntoTokens() {
        for (String clientId : List.of("esop-web", "esop-mobile", "esop-cli")) {
            JsonNode mappers = client(clientId).path("protocolMappers");
            assertThat(names(mappers, "name")).as(clientId)
                    .contains("region", "industries", "skills", "team", "customer_id");
            for (JsonNode mapper : mappers) {
                if (List.of("industries", "skills").contains(mapper.path("name").asText())) {
                    assertThat(mapper.path("config").path("multivalued").asText()).as(clientId + " " + mapper.path("name")).isEqualTo("true");
                }
            }
        }
    }

    @Test
    void tokenAndSessionSettingsFitProduction() {
        assertThat(realm.path("accessTokenLifespan").asInt()).isBetween(60, 900);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isBetween(600, 3600);
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("passwordPolicy").asText()).contains("length(");
    }

    @Test
    void theDemoUsersHaveTheirRolesAndAttributes() {
        assertThat(names(realm.path("users"), "username")).containsExactlyInAnyOrder(
                "cm-zhang", "cm-wu", "cm-li", "dir-wang", "dir-zhao", "bo-chen", "ent-acme", "admin");
        JsonNode zhang = user("cm-zhang");
        assertThat(zhang.path("realmRoles").toString()).contains("customer-manager");
        assertThat(zhang.path("attributes").path("region").get(0).asText()).isEqualTo("310000");
        assertThat(zhang.path("attributes").path("team").get(0).asText()).isEqualTo("sh-enterprise");
        assertThat(user("cm-li").path("attributes").path("region").get(0).asText()).isEqualTo("330100");
        assertThat(user("ent-acme").path("attributes").path("customer_id").get(0).asText()).isNotBlank();
        for (JsonNode user : realm.path("users")) {
            // Keycloak's user profile requires these; without them a login stops at "update your profile".
            assertThat(user.path("email").asText()).as(user.path("username").asText()).isNotBlank();
            assertThat(user.path("firstName").asText()).isNotBlank();
            assertThat(user.path("lastName").asText()).isNotBlank();
        }
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path(field).asText()));
        return names;
    }
}
