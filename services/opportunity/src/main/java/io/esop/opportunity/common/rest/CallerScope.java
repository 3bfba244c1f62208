package io.esop.opportunity.common.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.esop.opportunity.common.Caller;
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
        Object value = token.getClaim(name);
        if (value == null) {
            return fallback;
        }
        String text = value.toString();
        // a multivalued attribute may arrive as a JSON array of one element
        if (text.startsWith("[\"") && text.endsWith("\"]")) {
            text = text.substring(2, text.length() - 2);
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
