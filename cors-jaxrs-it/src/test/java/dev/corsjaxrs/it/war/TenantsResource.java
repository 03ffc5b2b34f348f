package dev.corsjaxrs.it.war;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** Called by the tenants' own front ends, which the origin check knows. */
@Path("tenants")
@CorsAllowed(originCheck = TenantOrigins.class)
public class TenantsResource {

  /**
   * Reads the tenant's data.
   *
   * @return a word
   */
  @GET
  public String get() {
    return "tenant";
  }

  /**
   * Replaces the tenant's data.
   *
   * @param body the data
   * @return it
   */
  @PUT
  public String put(String body) {
    return body;
  }
}
