package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsPolicy;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Sees every resource method at deployment and hands its class to the {@link RouteTable}, which
 * resolves (and validates) the policy of each of the class's paths; binds the method's policy to it
 * with a {@link MatchedPolicyFilter}, so that a matched request takes exactly that policy.
 */
public final class ResourceCollector implements DynamicFeature {

  private final RouteTable routes;

  ResourceCollector(RouteTable routes) {
    this.routes = routes;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    routes.add(resourceInfo.getResourceClass());
    CorsPolicy policy =
        routes.policyOf(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    if (policy != null) {
      context.register(new MatchedPolicyFilter(policy));
    }
  }
}
