package dev.corsjaxrs.it.war;

import dev.corsjaxrs.CorsOriginCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The WAR's origin check: a CDI bean that asks the injected registry. Built any other way (with its
 * constructor, no injection) it would throw, and allow nothing.
 */
@ApplicationScoped
public class TenantOrigins implements CorsOriginCheck {

  @Inject TenantRegistry registry;

  @Override
  public boolean allows(String origin) {
    return registry.isFrontEnd(origin);
  }
}
