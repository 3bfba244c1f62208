package io.esop.customer.common.rest;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.esop.customer.common.DataScope;
import io.esop.web.Claims;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller's {@link DataScope}, from the verified bearer token. */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CallerScope(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public DataScope get() {
        Set<String> roles = identity.getRoles();
        return new DataScope(
                claim("preferred_username", identity.getPrincipal().getName()),
                roles,
                claim("region", null),
                claim("team", null),
                claim("customer_id", null));
    }

    public String username() {
        return get().username();
    }

    private String claim(String name, String fallback) {
        return Claims.text(token.getClaim(name), fallback);
    }
}
