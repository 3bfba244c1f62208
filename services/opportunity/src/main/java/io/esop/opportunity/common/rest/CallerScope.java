package io.esop.opportunity.common.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.esop.opportunity.common.Caller;
import io.esop.web.Claims;
import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of the current request, from the verified bearer token. */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CallerScope(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        return new Caller(claim("preferred_username", identity.getPrincipal().getName()),
                identity.getRoles(), claim("region", null), claim("team", null));
    }

    private String claim(String name, String fallback) {
        return Claims.text(token.getClaim(name), fallback);
    }
}
