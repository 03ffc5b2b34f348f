package dev.corsjaxrs.demo;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Partner data: only {@code https://partner.example.org} may read it from a browser. */
@Path("partner")
@CorsAllowed(origins = "https://partner.example.org")
public class PartnerResource {

  /**
   * Partner data.
   *
   * @return a word
   */
  @GET
  public String get() {
    return "partner data";
  }
}
