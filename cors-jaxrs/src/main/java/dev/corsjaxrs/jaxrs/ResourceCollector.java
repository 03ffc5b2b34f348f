package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsPolicy;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Sees every resource method at deployment and hands it to the {@link ResourceScanner}, which reads
 * (and validates) its class once; binds the method's policy to it with a {@link
 * MatchedPolicyFilter}, so that a matched request takes exactly that policy.
 */
public final class ResourceCollector implements DynamicFeature {

  private final ResourceScanner scanner;
  private final boolean trustForwardedHeaders;

  ResourceCollector(ResourceScanner scanner, boolean trustForwardedHeaders) {
    this.scanner = scanner;
    this.trustForwardedHeaders = trustForwardedHeaders;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    CorsPolicy policy =
        scanner.policyOf(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    if (policy != null) {
      context.register(new MatchedPolicyFilter(policy, trustForwardedHeaders));
    }
  }
}
