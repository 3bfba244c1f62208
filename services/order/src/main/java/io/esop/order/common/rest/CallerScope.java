package io.esop.order.common.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.esop.order.common.DataScope;
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
        return new DataScope(
                claim("preferred_username", identity.getPrincipal().getName()),
                identity.getRoles(),
                claim("region", null),
                claim("team", null),
                claim("customer_id", null));
    }

    private String claim(String name, String fallback) {
        return Claims.text(token.getClaim(name), fallback);
    }
}
