package io.esop.workbench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stands in for the customer service (services/customer) in the workbench's tests, with its JSON shapes and its
 * data-scope rule (README there), so that the workbench's tests do not depend on another service's run. It reads
 * the caller's token (the real one from Keycloak, passed on by the workbench) and records who called: this is
 * how the tests see that the pages call with the user's own token.
 */
public class FakeCustomerService implements QuarkusTestResourceLifecycleManager {

    /** The decoded payload of every token the workbench sent, newest last. */
    public static final ConcurrentLinkedQueue<JsonNode> TOKENS = new ConcurrentLinkedQueue<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    record Customer(String id, String name, String creditCode, String industry, String region, String tier,
            String manager, String team, String arrears) {
    }

    static final List<Customer> CUSTOMERS = List.of(
            new Customer("cust-acme", "ACME 科技有限公司", "91310000MA1FL0001X", "MANUFACTURING", "310000", "STRATEGIC",
                    "cm-zhang", "sh-enterprise", "0.00"),
            new Customer("cust-0002", "东方精密制造", "91310000MA1FL0002X", "MANUFACTURING", "310000", "KEY",
                    "cm-zhang", "sh-enterprise", "1200.00"),
            new Customer("cust-0003", "浦江零售集团", "91310000MA1FL0003X", "RETAIL", "310000", "STANDARD",
                    "cm-wu", "sh-enterprise", "0.00"),
            new Customer("cust-hz01", "杭州市教育局", "11330100MB0000001X", "EDUCATION", "330100", "KEY",
                    "cm-li", "hz-government", "0.00"));

    static final List<String> ACME_MEMBERS = numbers(25);
    static final java.time.LocalDate SOON_BIRTHDAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
            .plusDays(3).withYear(1985);

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/customers", this::handle);
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("esop.workbench.services.customer", url, "quarkus.rest-client.customer.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            JsonNode token = token(exchange.getRequestHeaders().getFirst("Authorization"));
            if (token == null) {
                send(exchange, 401, Map.of("title", "Unauthorized"));
                return;
            }
            TOKENS.add(token);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String[] parts = path.substring("/api/customers".length()).split("/");
            if (parts.length <= 1) {
                send(exchange, 200, list(token, query));
                return;
            }
            Customer customer = CUSTOMERS.stream().filter(c -> c.id().equals(parts[1]) && sees(token, c)).findFirst()
                    .orElse(null);
            if (customer == null) {
                send(exchange, 404, Map.of("title", "Not Found", "status", 404));
                return;
            }
            if (parts.length == 3 && parts[2].equals("members")) {
                send(exchange, 200, members(customer, query));
                return;
            }
            send(exchange, 200, view(customer));
        } catch (RuntimeException e) {
            send(exchange, 500, Map.of("title", e.toString()));
        }
    }

    private static Map<String, Object> list(JsonNode token, Map<String, String> query) {
        List<Object> items = new ArrayList<>();
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        String after = query.get("cursor");
        String last = null;
        boolean more = false;
        // keyset by id, like the customer service
        for (Customer c : CUSTOMERS.stream().sorted(java.util.Comparator.comparing(Customer::id)).toList()) {
            if (!sees(token, c) || after != null && c.id().compareTo(after) <= 0) {
                continue;
            }
            if (query.containsKey("q") && !c.name().toLowerCase().contains(query.get("q").toLowerCase())) {
                continue;
            }
            if (query.containsKey("region") && !c.region().equals(query.get("region"))) {
                continue;
            }
            if (query.containsKey("industry") && !c.industry().equals(query.get("industry"))) {
                continue;
            }
            if (query.containsKey("manager") && !c.manager().equals(query.get("manager"))) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(profile(c));
            last = c.id();
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", more ? last : null);
        return page;
    }

    private static Map<String, Object> view(Customer c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("profile", profile(c));
        view.put("contacts", c.id().equals("cust-acme")
                ? List.of(Map.of("id", "ct-1", "name", "王建国", "role", "CIO", "phone", "13800000001",
                        "birthday", "1978-05-12"),
                        // a birthday three days from now, for the care reminders
                        Map.of("id", "ct-2", "name", "李娜", "role", "采购经理", "phone", "13800000002",
                                "birthday", SOON_BIRTHDAY.toString()))
                : List.of());
        view.put("members", Map.of("count", c.id().equals("cust-acme") ? ACME_MEMBERS.size() : 0, "items",
                List.of()));
        view.put("holdings", List.of(Map.of("productLine", "DEDICATED_LINE", "since", "2021-03-01",
                "monthlyRevenue", "18000.00")));
        view.put("monthlyRevenue", "18000.00");
        view.put("credit", Map.of("creditLimit", "500000.00", "arrears", c.arrears(), "available", "500000.00"));
        view.put("links", Map.of("orders", "/api/orders?customerId=" + c.id()));
        return view;
    }

    private static Map<String, Object> members(Customer c, Map<String, String> query) {
        List<String> all = c.id().equals("cust-acme") ? ACME_MEMBERS : List.of();
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        int from = query.containsKey("cursor") ? all.indexOf(query.get("cursor")) + 1 : 0;
        List<Object> items = new ArrayList<>();
        for (int i = from; i < Math.min(all.size(), from + limit); i++) {
            items.add(Map.of("msisdn", all.get(i), "addedAt", "2024-01-01T00:00:00Z"));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", from + limit < all.size() ? all.get(from + limit - 1) : null);
        return page;
    }

    private static Map<String, Object> profile(Customer c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", c.id());
        p.put("name", c.name());
        p.put("creditCode", c.creditCode());
        p.put("industry", c.industry());
        p.put("region", c.region());
        p.put("valueTier", c.tier());
        p.put("status", "ACTIVE");
        p.put("accountManagerId", c.manager());
        p.put("teamId", c.team());
        p.put("creditLimit", "500000.00");
        p.put("arrears", c.arrears());
        p.put("createdAt", "2024-01-01T00:00:00Z");
        p.put("updatedAt", "2024-01-01T00:00:00Z");
        p.put("version", 1);
        return p;
    }

    /** The customer service's rule: back-office all, director the team, manager own or region+team, company itself. */
    static boolean sees(JsonNode token, Customer c) {
        Set<String> roles = new java.util.HashSet<>();
        token.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        if (roles.contains("back-office") || roles.contains("esop-admin")) {
            return true;
        }
        String user = token.path("preferred_username").asText();
        String team = token.path("team").asText(null);
        String region = token.path("region").asText(null);
        if (roles.contains("sales-director") && c.team().equals(team)) {
            return true;
        }
        if (roles.contains("customer-manager")
                && (c.manager().equals(user) || c.region().equals(region) && c.team().equals(team))) {
            return true;
        }
        return roles.contains("enterprise-customer") && c.id().equals(token.path("customer_id").asText(null));
    }

    private static JsonNode token(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] jwt = authorization.substring(7).split("\\.");
        if (jwt.length != 3) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> numbers(int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            numbers.add(String.format("1390000%04d", i));
        }
        return numbers;
    }
}
