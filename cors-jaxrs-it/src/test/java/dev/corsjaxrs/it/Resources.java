package dev.corsjaxrs.it;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsDisabled;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;

/** Resources the wire tests call. */
final class Resources {

  private Resources() {}

  /** An application exception that {@link TeapotMapper} maps to 418. */
  static final class TeapotException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Maps {@link TeapotException} to 418 with a header of its own. */
  @Provider
  public static class TeapotMapper implements ExceptionMapper<TeapotException> {
    @Override
    public Response toResponse(TeapotException exception) {
      return Response.status(418).header("X-Teapot", "short and stout").build();
    }
  }

  /** How often a resource method of {@link Items} ran. */
  static final AtomicInteger ITEM_CALLS = new AtomicInteger();

  /** No annotation: the configuration decides. */
  @Path("items")
  public static class Items {
    @GET
    public String list() {
      ITEM_CALLS.incrementAndGet();
      return "items";
    }

    @POST
    public String create(String body) {
      ITEM_CALLS.incrementAndGet();
      return "created";
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
      return "item " + id;
    }

    @PUT
    @Path("{id}")
    public String put(@PathParam("id") String id, String body) {
      return "put " + id;
    }

    @PATCH
    @Path("{id}")
    public String patch(@PathParam("id") String id, String body) {
      return "patched " + id;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
      return Response.noContent().header("X-Deleted", id).build();
    }

    @GET
    @Path("varied")
    public Response varied() {
      return Response.ok("varied").header("Vary", "Accept").build();
    }

    @GET
    @Path("broken")
    public String broken() {
      throw new IllegalStateException("unmapped");
    }

    @GET
    @Path("forbidden")
    public String forbidden() {
      throw new ForbiddenException();
    }

    @GET
    @Path("teapot")
    public String teapot() {
      throw new TeapotException();
    }

    @POST
    @Path("json")
    @Consumes(MediaType.APPLICATION_JSON)
    public String json(String body) {
      return "json";
    }

    @GET
    @Path("secret")
    public String secret() {
      throw new NotAuthorizedException("Bearer");
    }

    @OPTIONS
    @Path("{id}")
    public Response options(@PathParam("id") String id) {
      return Response.ok("options of " + id).header("X-Own-Options", "yes").build();
    }
  }

  /** A class annotation that a method annotation overrides. */
  @Path("partner")
  @CorsAllowed(
      origins = "https://partner.example.org",
      allowCredentials = "true",
      exposedHeaders = "X-Total",
      maxAge = 600)
  public static class Partner {
    @GET
    public Response list() {
      return Response.ok("partner").header("X-Total", "3").header("X-Hidden", "h").build();
    }

    @PUT
    @CorsAllowed(origins = "https://admin.example.org", allowedHeaders = "X-Token")
    public String update(String body) {
      return "updated";
    }

    @DELETE
    @CorsDisabled
    public String delete() {
      return "deleted";
    }
  }

  /** Everything disabled. */
  @Path("internal")
  @CorsDisabled
  public static class Internal {
    @GET
    public String get() {
      return "internal";
    }

    @PUT
    public String put(String body) {
      return "internal put";
    }
  }

  /** Configured through expressions and a named policy. */
  @Path("tenants")
  @CorsAllowed(origins = "${tenant.origins}", policy = "${tenant.policy:tenants}")
  public static class Tenants {
    @GET
    public String list() {
      return "tenants";
    }

    @DELETE
    @Path("{id}")
    public String delete(@PathParam("id") String id) {
      return "deleted " + id;
    }
  }

  /** No annotation: a named policy chosen by path applies. */
  @Path("public")
  public static class Public {
    @GET
    public String list() {
      return "public";
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
      return "public " + id;
    }
  }

  /** Narrows methods and opens Private Network Access by annotation. */
  @Path("readonly")
  @CorsAllowed(methods = "GET", allowPrivateNetwork = "true")
  public static class ReadOnly {
    @GET
    public String get() {
      return "read";
    }

    @PUT
    public String put(String body) {
      return "written";
    }
  }
}
