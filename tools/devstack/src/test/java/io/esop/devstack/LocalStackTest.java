package io.esop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The running local stack (./esop test starts it): the servers a developer and every other test rely
 * on, checked through the same clients the services use.
 */
class LocalStackTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_URL = "http://localhost:8180/realms/esop/protocol/openid-connect/token";

    @Test
    void everyDeclaredTopicExistsOnTheBrokerWithItsDeclaredSettings() throws Exception {
        List<TopicSpec> declared = TopicCatalog.read(Repository.root().resolve("kafka-topics"));
        try (Admin admin = Kafka.admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(
                    declared.stream().map(TopicSpec::name).toList()).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(declared.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList()).all().get();
            int brokers = admin.describeCluster().nodes().get().size();
            for (TopicSpec topic : declared) {
                assertThat(described.get(topic.name()).partitions()).as(topic.name() + " partitions").hasSize(topic.partitions());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                Kafka.localConfig(topic, brokers).forEach((key, value) ->
                        assertThat(config.get(key).value()).as(topic.name() + " " + key).isEqualTo(value));
            }
        }
    }

    @Test
    void automaticTopicCreationIsOffSoOnlyDeclaredTopicsExist() throws Exception {
        try (Admin admin = Kafka.admin()) {
            Config broker = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
                    .all().get().values().iterator().next();
            assertThat(broker.get("auto.create.topics.enable").value()).isEqualTo("false");
        }
    }

    @Test
    void aTokenForEachDemoUserCarriesTheirRoleAndScopeClaims() throws Exception {
        JsonNode zhang = claims(token("cm-zhang"));
        assertThat(zhang.path("iss").asText()).isEqualTo("http://localhost:8180/realms/esop");
        assertThat(zhang.path("preferred_username").asText()).isEqualTo("cm-zhang");
        assertThat(zhang.path("realm_access").path("roles").toString()).contains("customer-manager");
        assertThat(zhang.path("region").asText()).isEqualTo("310000");
        assertThat(zhang.path("team").asText()).isEqualTo("sh-enterprise");
        assertThat(strings(zhang.path("industries"))).containsExactlyInAnyOrder("FINANCE", "MANUFACTURING");
        assertThat(strings(zhang.path("skills"))).containsExactlyInAnyOrder("DEDICATED_LINE", "CLOUD");
        assertThat(zhang.path("aud").toString()).contains("esop-api");

        JsonNode li = claims(token("cm-li"));
        assertThat(li.path("region").asText()).isEqualTo("330100");
        assertThat(strings(li.path("industries"))).containsExactlyInAnyOrder("GOVERNMENT", "EDUCATION");
        assertThat(strings(li.path("skills"))).containsExactlyInAnyOrder("IDC", "DEDICATED_LINE");

        assertThat(claims(token("dir-wang")).path("realm_access").path("roles").toString()).contains("sales-director");
        assertThat(claims(token("dir-zhao")).path("team").asText()).isEqualTo("hz-government");
        assertThat(claims(token("bo-chen")).path("realm_access").path("roles").toString()).contains("back-office");
        assertThat(claims(token("admin")).path("realm_access").path("roles").toString()).contains("esop-admin");

        JsonNode acme = claims(token("ent-acme"));
        assertThat(acme.path("realm_access").path("roles").toString()).contains("enterprise-customer");
        assertThat(acme.path("customer_id").asText()).isEqualTo("cust-acme");
    }

    @Test
    void aWrongPasswordAndAPasswordGrantOnTheWebClientAreRefused() throws Exception {
        assertThat(tokenResponse("esop-cli", "cm-zhang", "wrong-password").statusCode()).isEqualTo(401);
        HttpResponse<String> web = tokenResponse("esop-web", "cm-zhang", "esop-demo");
        assertThat(web.statusCode()).isIn(400, 401);
    }

    @Test
    void everyServiceHasItsDatabaseAndTestDatabase() throws Exception {
        Postgres postgres = new Postgres(Layout.detectFrom(Repository.root()));
        List<String> databases = postgres.databases();
        assertThat(databases).contains("keycloak", "eventing_test");
        for (String database : databases) {
            try (Connection connection = Postgres.connect(database)) {
                assertThat(connection.isValid(2)).as(database).isTrue();
            }
        }
    }

    @Test
    void redisAnswers() {
        assertThat(new Redis(Layout.detectFrom(Repository.root())).healthy()).isTrue();
    }

    @Test
    void upOnARunningStackStartsNothingNew() throws Exception {
        Layout layout = Layout.detectFrom(Repository.root());
        Map<String, Long> before = pids(layout);
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = new Main(layout, new PrintStream(output, true, StandardCharsets.UTF_8)).up(true);

        assertThat(exit).isZero();
        assertThat(pids(layout)).isEqualTo(before);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("postgres     already running").contains("kafka        already running")
                .contains("redis        already running").contains("keycloak     already running");
    }

    @Test
    void aPortTakenByAnotherProgramIsReportedInsteadOfStartingASecondServer(@org.junit.jupiter.api.io.TempDir Path home)
            throws IOException {
        try (ServerSocket squatter = new ServerSocket(0)) {
            Layout layout = new Layout(home, home.resolve(".esop"), home);
            ServerComponent component = new ServerComponent(layout, "squatted") {
                @Override int port() { return squatter.getLocalPort(); }
                @Override String endpoint() { return "nowhere"; }
                @Override boolean healthy() { return false; }
                @Override protected void install(Console console) { }
                @Override protected List<String> command() { return List.of("true"); }
            };

            assertThatThrownBy(() -> component.up(new Console(new PrintStream(new ByteArrayOutputStream()))))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + squatter.getLocalPort() + " is taken by a program this stack did not start");
        }
    }

    private static Map<String, Long> pids(Layout layout) {
        return Set.of(new Postgres(layout), new Redis(layout), new Kafka(layout), new Keycloak(layout)).stream()
                .collect(Collectors.toMap(ServerComponent::name,
                        c -> c.running().map(ProcessHandle::pid).orElseThrow(() -> new AssertionError(c.name() + " is not running"))));
    }

    private static String token(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = tokenResponse("esop-cli", username, "esop-demo");
        assertThat(response.statusCode()).as(username + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> tokenResponse(String client, String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + client + "&username=" + username + "&password=" + password;
        return HTTP.send(HttpRequest.newBuilder(URI.create(TOKEN_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
