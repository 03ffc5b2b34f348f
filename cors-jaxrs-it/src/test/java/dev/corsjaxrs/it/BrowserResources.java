package dev.corsjaxrs.it;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsOriginCheck;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The API the browser tests call from other origins. */
final class BrowserResources {

  private BrowserResources() {}

  /** Every request the API saw, as "METHOD /path", in order. */
  static final List<String> REQUEST_LOG = new CopyOnWriteArrayList<>();

  /** Records requests before anything else runs, preflights included. */
  @PreMatching
  @Priority(-1000)
  public static class RequestLog implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      REQUEST_LOG.add(
          request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/", ""));
    }
  }

  /**
   * Writing from the allowed origins (the global method list); deleting has a policy of its own
   * that allows another origin only.
   */
  @Path("shared")
  public static class Shared {
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(String json) {
      return "put";
    }

    @DELETE
    @CorsAllowed(origins = "https://elsewhere.example")
    public String delete() {
      return "deleted";
    }
  }

  /** Allows one page origin, set by the test: an origin no configuration lists. */
  public static final class PageCheck implements CorsOriginCheck {
    static volatile String allowed;

    @Override
    public boolean allows(String origin) {
      return origin.equals(allowed);
    }
  }

  /** A tenant API: only its own listed origin and what the check allows. */
  @Path("tenants")
  @CorsAllowed(origins = "https://elsewhere.example", originCheck = PageCheck.class)
  public static class Tenants {
    @GET
    public String get() {
      return "tenant data";
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(String json) {
      return "tenant put";
    }
  }

  /** Reading and writing from the allowed origins; deleting is not among the allowed methods. */
  @Path("data")
  @CorsAllowed(methods = {"GET", "PUT"})
  public static class Data {
    @GET
    public Response get() {
      return Response.ok("hello").header("X-Total", "3").header("X-Hidden", "h").build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String put(@PathParam("name") String name, String json) {
      return "stored " + name + " " + json;
    }

    @DELETE
    public String delete() {
      return "deleted";
    }
  }

  /** An endpoint behind authentication: 401 without a token. */
  @Path("private")
  public static class Private {
    @GET
    public String get() {
      throw new NotAuthorizedException("Bearer realm=\"api\"");
    }
  }

  /** Sets the session cookie when the browser visits it directly. */
  @Path("login")
  public static class Login {
    @GET
    public Response login() {
      return Response.ok("logged in")
          .cookie(new NewCookie.Builder("session").value("s3cret").path("/").build())
          .build();
    }
  }

  /** Credentials allowed: says which session cookie came with the request. */
  @Path("session")
  @CorsAllowed(allowCredentials = "true")
  public static class Session {
    @GET
    public String get(@CookieParam("session") String session) {
      return "cookie=" + session;
    }
  }
}
