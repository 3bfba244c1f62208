package io.esop.load.hello;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Two endpoints that do nothing but answer: the same work with and without a verified bearer token, so the
 * benchmark can tell what token verification (signature, expiry, issuer, audience) costs on this machine.
 */
@Path("/hello")
public class HelloResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }

    @GET
    @Path("/secure")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String secure() {
        return "hello";
    }
}
