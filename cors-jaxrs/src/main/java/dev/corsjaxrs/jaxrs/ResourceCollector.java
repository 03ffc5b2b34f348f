package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Sees every resource method at deployment and hands its class to the {@link RouteTable}, which
 * resolves (and validates) the policy of each of the class's paths.
 */
public final class ResourceCollector implements DynamicFeature {

  private final RouteTable routes;

  ResourceCollector(RouteTable routes) {
    this.routes = routes;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    routes.add(resourceInfo.getResourceClass());
  }
}
