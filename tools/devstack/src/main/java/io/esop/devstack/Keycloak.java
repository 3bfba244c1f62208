package io.esop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak from {@code org.keycloak:keycloak-quarkus-dist}, storing its data in the stack's PostgreSQL
 * (database {@code keycloak}). The realm file k8s/keycloak/realm-esop.json is imported through the
 * admin API when the realm is missing or the file has changed since the last import.
 */
final class Keycloak extends ServerComponent {

    static final int PORT = 8180;
    static final int MANAGEMENT_PORT = 8190;
    static final String URL = "http://localhost:" + PORT;
    static final String ADMIN_USER = "kcadmin";
    static final String ADMIN_PASSWORD = "kcadmin";
    private static final String REALM = "esop";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    Keycloak(Layout layout) {
        super(layout, "keycloak");
    }

    @Override
    int port() {
        return PORT;
    }

    @Override
    String endpoint() {
        return URL + "/realms/" + REALM + "  (admin console " + URL + "/admin, " + ADMIN_USER + "/" + ADMIN_PASSWORD + ")";
    }

    private String version() {
        return Versions.of(layout.distributions().resolve("dist"), "keycloak", ".zip");
    }

    private Path home() {
        return layout.bin().resolve("keycloak-" + version());
    }

    @Override
    protected void install(Console console) throws IOException {
        if (Files.isDirectory(home())) {
            return;
        }
        console.step(name(), "unpacking Keycloak " + version());
        Path zip = layout.distributions().resolve("dist").resolve("keycloak-" + version() + ".zip");
        Unpack.once(home(), target -> Unpack.zipStrippingTopFolder(zip, target));
    }

    @Override
    protected List<String> command() {
        return List.of(home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + PORT,
                "--http-management-port=" + MANAGEMENT_PORT,
                "--health-enabled=true",
                "--db=postgres",
                "--db-url=jdbc:postgresql://localhost:" + Postgres.PORT + "/keycloak",
                "--db-username=" + Postgres.USER,
                "--db-password=" + Postgres.PASSWORD);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    @Override
    boolean healthy() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + MANAGEMENT_PORT + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    protected void provision(Console console) throws Exception {
        Path realmFile = layout.realmFile();
        byte[] realm = Files.readAllBytes(realmFile);
        String digest = sha256(realm);
        Path imported = layout.config("keycloak").resolve("realm-esop.sha256");
        String token = adminToken();
        int status = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + token).GET()).statusCode();
        boolean present = status == 200;
        if (present && Files.exists(imported) && Files.readString(imported).trim().equals(digest)) {
            console.step(name(), "realm " + REALM + " is current");
            return;
        }
        if (present) {
            send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms/" + REALM))
                    .header("Authorization", "Bearer " + token).DELETE());
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(URL + "/admin/realms"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(realm)));
        if (created.statusCode() != 201) {
            throw new StackException("importing " + layout.root().relativize(realmFile) + " failed: HTTP "
                    + created.statusCode() + " " + created.body());
        }
        Files.writeString(imported, digest + "\n");
        console.step(name(), "realm " + REALM + (present ? " re-imported (the realm file changed)" : " imported"));
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN_USER + "&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new StackException("Keycloak refused the bootstrap admin " + ADMIN_USER + " (HTTP " + response.statusCode()
                    + "). If the admin was changed by hand, run ./esop reset to start from scratch.");
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofMinutes(4);
    }
}
