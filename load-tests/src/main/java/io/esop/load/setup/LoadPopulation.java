package io.esop.load.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.esop.load.BenchResults;
import io.esop.load.Http;
import io.esop.load.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load users and their data, created against the real stack and removed after: customer managers in teams of
 * ten under a sales director each, two customers per manager (the manager is their account manager), a few
 * opportunities per manager, and enterprise-customer users, each with one signed order of their company. Nothing
 * of the demo data is used. Everything is named {@code load-…}; {@code setup} first removes what an earlier run
 * left.
 *
 * <p>{@code java … LoadPopulation setup|teardown} with {@code -Dload.managers} (default 20) and
 * {@code -Dload.enterprises} (default 5); the population is written to {@code <bench dir>/load-users.csv} for the
 * simulations' feeders.
 */
public final class LoadPopulation {

    public static final String PREFIX = "load-";
    static final String ADMIN = "load-admin";
    static final String REGION = "310000";
    static final int TEAM_SIZE = 10;

    /** One load user: role is the realm role; customerId the enterprise's company; orderId its order. */
    public record LoadUser(String username, String role, String team, String customerId, String orderId) {
    }

    private final Keycloak keycloak;
    private String adminToken;

    private LoadPopulation(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    public static void main(String[] args) {
        String action = args.length > 0 ? args[0] : "setup";
        if (action.equals("teardown")) {
            teardown();
        } else {
            setup(Stack.intProperty("load.managers", 20), Stack.intProperty("load.enterprises", 5));
        }
    }

    public static Path usersFile() {
        return BenchResults.directory().resolve("load-users.csv");
    }

    /** Creates the population and writes the users file; returns the users. */
    public static List<LoadUser> setup(int managers, int enterprises) {
        long start = System.nanoTime();
        teardown();
        LoadPopulation population = new LoadPopulation(Keycloak.admin());
        List<LoadUser> users = population.create(managers, Math.min(enterprises, managers));
        write(users);
        System.out.printf("[load] %d load users ready in %.1f s (%s)%n", users.size(),
                (System.nanoTime() - start) / 1e9, usersFile());
        return users;
    }

    /** Removes every load user, their staff entries, customers and the load web client. */
    public static void teardown() {
        Keycloak keycloak = Keycloak.admin();
        List<String> usernames = keycloak.usernames(PREFIX);
        if (usernames.isEmpty()) {
            keycloak.deleteWebClient();
            return;
        }
        if (!usernames.contains(ADMIN)) {
            keycloak.createUser(ADMIN, "esop-admin", Map.of());
        }
        String admin = Keycloak.token(ADMIN, Stack.LOAD_PASSWORD);
        for (String username : usernames) {
            if (username.startsWith("load-cm-")) {
                for (int k = 1; k <= 2; k++) {
                    deleteQuietly(Stack.customer() + "/api/customers/" + customerId(username, k), admin);
                }
            }
            if (username.startsWith("load-cm-") || username.startsWith("load-dir-")) {
                try {
                    Http.post(Stack.customer() + "/api/staff/" + username + "/deactivate", admin, Map.of());
                } catch (Http.Failure e) {
                    if (e.status != 404) {
                        throw e;
                    }
                }
            }
        }
        usernames.forEach(keycloak::deleteUser);
        keycloak.deleteWebClient();
        System.out.printf("[load] removed %d load users, their staff entries and customers%n", usernames.size());
    }

    private static void deleteQuietly(String url, String token) {
        try {
            Http.delete(url, token);
        } catch (Http.Failure e) {
            if (e.status != 404) {
                throw e;
            }
        }
    }

    private List<LoadUser> create(int managers, int enterprises) {
        keycloak.createUser(ADMIN, "esop-admin", Map.of());
        adminToken = Keycloak.token(ADMIN, Stack.LOAD_PASSWORD);
        if (!Stack.workbench().endsWith(":8080")) {
            keycloak.ensureWebClient(Stack.workbench()); // the realm's esop-web redirects to 8080 only
        }
        List<LoadUser> users = new ArrayList<>();
        int teams = (managers + TEAM_SIZE - 1) / TEAM_SIZE;
        for (int t = 1; t <= teams; t++) {
            String director = String.format("load-dir-%02d", t);
            keycloak.createUser(director, "sales-director", Map.of("region", List.of(REGION), "team", List.of(team(t))));
            staff(director, "SALES_DIRECTOR", team(t), null);
            users.add(new LoadUser(director, "sales-director", team(t), "", ""));
        }
        List<String> managerNames = new ArrayList<>();
        for (int m = 1; m <= managers; m++) {
            managerNames.add(String.format("load-cm-%04d", m));
        }
        parallel(managerNames, manager -> {
            int t = (managerNames.indexOf(manager)) / TEAM_SIZE + 1;
            keycloak.createUser(manager, "customer-manager", Map.of("region", List.of(REGION), "team",
                    List.of(team(t)), "industries", List.of("FINANCE", "MANUFACTURING"), "skills",
                    List.of("DEDICATED_LINE", "CLOUD")));
            staff(manager, "CUSTOMER_MANAGER", team(t), String.format("load-dir-%02d", t));
            for (int k = 1; k <= 2; k++) {
                customer(manager, k, team(t));
            }
        });
        // an order per enterprise: the order service must first have read the customers from Kafka
        Map<String, String> orders = new LinkedHashMap<>();
        for (int e = 1; e <= enterprises; e++) {
            String manager = managerNames.get(e - 1);
            orders.put(manager, signedOrder(manager, customerId(manager, 1)));
        }
        for (String manager : managerNames) {
            int t = (managerNames.indexOf(manager)) / TEAM_SIZE + 1;
            users.add(new LoadUser(manager, "customer-manager", team(t), customerId(manager, 1),
                    orders.getOrDefault(manager, "")));
        }
        parallel(managerNames, this::fieldCaptures);
        for (int e = 1; e <= enterprises; e++) {
            String manager = managerNames.get(e - 1);
            String enterprise = String.format("load-ent-%04d", e);
            keycloak.createUser(enterprise, "enterprise-customer", Map.of("customer_id",
                    List.of(customerId(manager, 1))));
            users.add(new LoadUser(enterprise, "enterprise-customer", "", customerId(manager, 1), orders.get(manager)));
        }
        return users;
    }

    /** A few at a time: the setup of 60 managers takes seconds instead of a minute. */
    private static void parallel(List<String> names, java.util.function.Consumer<String> action) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            names.forEach(n -> done.add(pool.submit(() -> action.accept(n))));
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static String team(int t) {
        return String.format("load-team-%02d", t);
    }

    public static String customerId(String manager, int k) {
        return "load-c-" + manager.substring("load-cm-".length()) + "-" + k;
    }

    private void staff(String username, String role, String team, String director) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Load " + username);
        body.put("role", role);
        body.put("region", REGION);
        body.put("industries", role.equals("CUSTOMER_MANAGER") ? List.of("FINANCE", "MANUFACTURING") : List.of());
        body.put("skills", role.equals("CUSTOMER_MANAGER") ? List.of("DEDICATED_LINE", "CLOUD") : List.of());
        body.put("teamId", team);
        body.put("directorId", director);
        body.put("capacity", 10_000);
        body.put("active", true);
        Http.put(Stack.customer() + "/api/staff/" + username, adminToken, body);
    }

    private void customer(String manager, int k, String team) {
        String id = customerId(manager, k);
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Load customer " + id);
        body.put("creditCode", creditCode(Integer.parseInt(manager.substring("load-cm-".length())) * 10 + k));
        body.put("industry", "FINANCE");
        body.put("region", REGION);
        body.put("valueTier", "KEY");
        body.put("accountManagerId", manager);
        body.put("teamId", team);
        body.put("contacts", List.of(Map.of("name", "Load contact", "phone", "+86 21 5555 0000")));
        Http.post(Stack.customer() + "/api/customers", adminToken, body);
    }

    /** A valid GB 32100-2015 code, unique per number, in a range no demo or test customer uses. */
    static String creditCode(int n) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String first17 = "91310000LT" + String.format("%07d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        return first17 + alphabet.charAt((31 - sum % 31) % 31);
    }

    /** One cloud host without discount (approved at once), signed by the manager: an order to follow live. */
    private String signedOrder(String manager, String customerId) {
        String token = Keycloak.token(manager, Stack.LOAD_PASSWORD);
        Map<String, Object> item = Map.of("productCode", "CLOUD_HOST", "quantity", 1,
                "attributes", Map.of("vcpu", 8, "memoryGb", 16), "listPrice", new BigDecimal("1200.00"),
                "discountPercent", BigDecimal.ZERO);
        Map<String, Object> application = Map.of("customerId", customerId, "items", List.of(item));
        JsonNode created = retry(Duration.ofSeconds(90), () -> Http.post(Stack.order() + "/api/applications", token,
                application));
        String no = created.get("applicationNo").asText();
        Http.post(Stack.order() + "/api/applications/" + no + "/submission", token, Map.of());
        return Http.post(Stack.order() + "/api/agreements/AGR-" + no.substring(4) + "/signature", token, Map.of())
                .get("orderId").asText();
    }

    /** A few opportunities per manager, for their own customers, through the real signal pipeline. */
    private void fieldCaptures(String manager) {
        String token = Keycloak.token(manager, Stack.LOAD_PASSWORD);
        for (int k = 1; k <= 2; k++) {
            for (String line : List.of("DEDICATED_LINE", "CLOUD")) {
                Http.post(Stack.opportunity() + "/api/opportunities/field-capture", token,
                        Map.of("customerId", customerId(manager, k), "productLine", line, "intent", "NEW",
                                "strength", 0.7, "estimatedMonthlyValue", new BigDecimal("8000"),
                                "detail", "load setup"));
            }
        }
    }

    /** Retries a call that fails while a read model catches up (400/404/409 until the snapshot arrives). */
    static JsonNode retry(Duration patience, java.util.function.Supplier<JsonNode> call) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            try {
                return call.get();
            } catch (Http.Failure e) {
                if (Instant.now().isAfter(deadline) || e.status / 100 != 4) {
                    throw e;
                }
                sleep(500);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The users file: one line per user, with a header, for Gatling's csv feeders. */
    static void write(List<LoadUser> users) {
        List<String> lines = new ArrayList<>();
        lines.add("username,password,role,team,customerId,orderId");
        users.forEach(u -> lines.add(String.join(",", u.username(), Stack.LOAD_PASSWORD, u.role(), u.team(),
                u.customerId(), u.orderId())));
        try {
            Files.createDirectories(usersFile().getParent());
            Files.write(usersFile(), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The users of the users file with a role. */
    public static List<LoadUser> read(String role) {
        try {
            return Files.readAllLines(usersFile(), StandardCharsets.UTF_8).stream().skip(1)
                    .map(l -> l.split(",", -1))
                    .map(f -> new LoadUser(f[0], f[2], f[3], f[4], f[5]))
                    .filter(u -> u.role().equals(role)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
