package dev.corsjaxrs.it.war;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The application's tenant registry (a database in real life): the front ends of its tenants. */
@ApplicationScoped
public class TenantRegistry {

  private final Set<String> frontEnds = Set.of("https://shop.tenant.example");

  /**
   * Whether a tenant serves its front end from this origin.
   *
   * @param origin a normalised origin
   * @return true for a tenant's front end
   */
  public boolean isFrontEnd(String origin) {
    return frontEnds.contains(origin);
  }
}
