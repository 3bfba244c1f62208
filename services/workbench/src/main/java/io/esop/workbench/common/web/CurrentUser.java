package io.esop.workbench.common.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of this request, read from the code-flow session: claims from the ID token (the realm maps
 * region, team and customer_id into both tokens), roles from the access token, and the access token itself, which
 * is what the workbench sends on to the services, so that a page never has more rights than its user.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public UserScope scope() {
        return new UserScope(username(), identity.getRoles(), claim("region"), claim("team"), claim("customer_id"));
    }

    public String username() {
        String name = claim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    /** The value of an Authorization header carrying the user's own access token. */
    public String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in the session");
        }
        return "Bearer " + token.getToken();
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        }
        return null;
    }
}
