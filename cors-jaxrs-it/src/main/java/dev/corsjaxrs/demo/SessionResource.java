package dev.corsjaxrs.demo;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session cookie: credentials are allowed here, and only here. The playground's page is on
 * another origin of the same site (another port of {@code localhost}), so the cookie is a
 * first-party, {@code SameSite=Lax} cookie that the browser stores and sends back.
 */
@Path("session")
@CorsAllowed(allowCredentials = "true")
public class SessionResource {

  private static final AtomicReference<String> LAST_SEEN = new AtomicReference<>();

  /**
   * The session cookie the last request brought, for tests.
   *
   * @return its value, or null where the last request had none
   */
  public static String lastSeen() {
    return LAST_SEEN.get();
  }

  /**
   * Says which session cookie came along, and sets one if none did.
   *
   * @param session the cookie, if sent
   * @return what arrived
   */
  @GET
  public Response get(@CookieParam("session") String session) {
    LAST_SEEN.set(session);
    Response.ResponseBuilder response = Response.ok("cookie=" + session);
    if (session == null) {
      response.cookie(
          new NewCookie.Builder("session")
              .value("demo-" + Long.toHexString(System.nanoTime()))
              .path("/")
              .httpOnly(true)
              .sameSite(NewCookie.SameSite.LAX)
              .build());
    }
    return response.build();
  }
}
