package dev.corsjaxrs.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Open data: the named policy {@code public} (paths {@code /public/*}) allows every origin. */
@Path("public/status")
public class PublicResource {

  /**
   * Says the service is up.
   *
   * @return a short status
   */
  @GET
  public String status() {
    return "up";
  }
}
