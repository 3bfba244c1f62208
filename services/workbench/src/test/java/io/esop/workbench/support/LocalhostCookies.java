package io.esop.workbench.support;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A cookie jar that treats http://localhost as a browser does. Keycloak marks its login cookies Secure, and
 * browsers send Secure cookies to http://localhost (a secure context), but java.net.CookieManager does not (and
 * it renames the host "localhost.local"), so the login would fail with "cookie not found".
 */
final class LocalhostCookies extends CookieHandler {

    private final Map<String, HttpCookie> jar = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        jar.values().removeIf(HttpCookie::hasExpired);
        String cookies = jar.values().stream()
                .filter(cookie -> path.startsWith(cookie.getPath() == null ? "/" : stripSlash(cookie.getPath())))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if (name == null || !name.equalsIgnoreCase("set-cookie")) {
                return;
            }
            for (String header : values) {
                for (HttpCookie cookie : HttpCookie.parse(header)) {
                    if (cookie.getPath() == null) {
                        cookie.setPath("/");
                    }
                    String key = cookie.getName() + "|" + cookie.getPath();
                    if (cookie.getMaxAge() == 0 || cookie.hasExpired()) {
                        jar.remove(key);
                    } else {
                        jar.put(key, cookie);
                    }
                }
            }
        });
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
