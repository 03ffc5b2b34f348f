package dev.corsjaxrs.it;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Resources whose annotations must stop the deployment. */
final class BadResources {

  private BadResources() {}

  /** An origin with a path. */
  @Path("bad-origin")
  public static class BadOrigin {
    @GET
    @CorsAllowed(origins = "https://app.example.com/app")
    public String get() {
      return "never";
    }
  }

  /** A policy name that is not configured. */
  @Path("unknown-policy")
  @CorsAllowed(policy = "nope")
  public static class UnknownPolicy {
    @GET
    public String get() {
      return "never";
    }
  }

  /** An expression whose key is not set. */
  @Path("unresolved")
  @CorsAllowed(origins = "${missing.origins}")
  public static class Unresolved {
    @GET
    public String get() {
      return "never";
    }
  }

  /** A wildcard origin together with credentials. */
  @Path("wildcard-credentials")
  @CorsAllowed(allowCredentials = "true")
  public static class WildcardCredentials {
    @GET
    public String get() {
      return "never";
    }
  }

  /** A method that is not a token. */
  @Path("bad-method")
  @CorsAllowed(methods = "GET, PU T")
  public static class BadMethod {
    @GET
    public String get() {
      return "never";
    }
  }
}
