package io.esop.sla.common.rest;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.esop.web.Claims;
import io.quarkus.security.identity.SecurityIdentity;

/** Who calls, from the verified bearer token: username, realm roles and team. */
@RequestScoped
public class Caller {

    public static final String ADMIN = "esop-admin";
    public static final String DIRECTOR = "sales-director";
    public static final String MANAGER = "customer-manager";
    public static final String BACK_OFFICE = "back-office";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String username() {
        String name = claim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String team() {
        return claim("team");
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Staff: anyone but an enterprise customer. */
    public boolean isStaff() {
        return has(ADMIN) || has(DIRECTOR) || has(MANAGER) || has(BACK_OFFICE);
    }

    /** Sees every clock and alert: admins and back office. */
    public boolean seesAll() {
        return has(ADMIN) || has(BACK_OFFICE);
    }

    private String claim(String name) {
        return Claims.text(token.getClaim(name), null);
    }
}
