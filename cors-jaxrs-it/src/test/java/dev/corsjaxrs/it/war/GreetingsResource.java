package dev.corsjaxrs.it.war;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsDisabled;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The WAR's one resource: its only CORS code is these annotations. */
@Path("greetings")
public class GreetingsResource {

  /**
   * Reads the greeting.
   *
   * @return the greeting, with a header the configuration exposes
   */
  @GET
  public Response get() {
    return Response.ok("hello").header("X-Count", "1").build();
  }

  /**
   * Replaces the greeting: only the admin front end may.
   *
   * @param body the new greeting
   * @return it
   */
  @PUT
  @CorsAllowed(origins = "https://admin.example.org")
  public String put(String body) {
    return body;
  }

  /**
   * Deletes the greeting: never cross-origin.
   *
   * @return a word
   */
  @DELETE
  @CorsDisabled
  public String delete() {
    return "deleted";
  }

  /**
   * Needs a login.
   *
   * @return never
   */
  @GET
  @Path("secret")
  public String secret() {
    throw new NotAuthorizedException("Bearer");
  }
}
