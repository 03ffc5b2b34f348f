package dev.corsjaxrs.it;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Resources whose policies differ by path segment, template and method: what a request path with
 * matrix parameters must not confuse.
 */
final class MatrixResources {

  private MatrixResources() {}

  /** Two templates on one path level: Jakarta REST prefers the one with a regular expression. */
  @Path("templ")
  public static class Templated {
    @GET
    @Path("{a: [0-9]+}")
    @CorsAllowed(origins = "https://numbers.example")
    public String number(@PathParam("a") String a) {
      return "number";
    }

    @GET
    @Path("{name}")
    @CorsAllowed(origins = "https://names.example")
    public String name(@PathParam("name") String name) {
      return "name";
    }
  }

  /** Three segments under a named policy, one method annotated. */
  @Path("admin")
  public static class Admin {
    @GET
    @Path("users/{id}")
    public String get(@PathParam("id") String id) {
      return "admin user";
    }

    @DELETE
    @Path("users/{id}")
    @CorsAllowed(origins = "https://admin.example.org", allowCredentials = "true")
    public String delete(@PathParam("id") String id) {
      return "admin deleted";
    }
  }
}
