package io.esop.load.live;

import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Cookies kept per host name, as a browser keeps them for {@code localhost} whatever the port. The JDK's
 * CookieManager files cookies of a dot-less host under "{@code localhost.local}" and then does not send them back,
 * which breaks the Keycloak login. Paths are ignored: a load client sends a little more than a browser would.
 */
final class HostCookies extends CookieHandler {

    private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
        if (cookies.isEmpty()) {
            return Map.of();
        }
        return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "))));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if (name == null || !name.equalsIgnoreCase("Set-Cookie")) {
                return;
            }
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
            for (String header : values) {
                String[] parts = header.split(";");
                int eq = parts[0].indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String cookie = parts[0].substring(0, eq).trim();
                String value = parts[0].substring(eq + 1).trim();
                boolean expired = value.isEmpty();
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                    expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970");
                }
                if (expired) {
                    cookies.remove(cookie);
                } else {
                    cookies.put(cookie, value);
                }
            }
        });
    }
}
