package dev.corsjaxrs.demo;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** A session cookie: credentials are allowed here, and only here. */
@Path("session")
@CorsAllowed(allowCredentials = "true")
public class SessionResource {

  /**
   * Says which session cookie came along, and sets one if none did.
   *
   * @param session the cookie, if sent
   * @return what arrived
   */
  @GET
  public Response get(@CookieParam("session") String session) {
    Response.ResponseBuilder response = Response.ok("cookie=" + session);
    if (session == null) {
      response.cookie(
          new NewCookie.Builder("session")
              .value("demo")
              .path("/")
              .sameSite(NewCookie.SameSite.NONE)
              .secure(true)
              .build());
    }
    return response.build();
  }
}
