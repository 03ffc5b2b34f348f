package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs once Jakarta REST has matched a request, before the application's own filters, and asks the
 * runtime what it matched ({@link ResourceInfo}: sub-resources of locators included): the request
 * takes that method's policy, whatever the spelling of its path (matrix parameters, encoded
 * characters). In strict mode it refuses, before the resource method runs, a request that the
 * policy found before matching did not refuse but this one does.
 */
@Priority(CorsProviders.PRIORITY)
final class MatchedPolicyFilter implements ContainerRequestFilter {

  private final ResourceScanner scanner;
  private final CorsProtocol protocol;

  @Context private ResourceInfo resourceInfo;

  MatchedPolicyFilter(ResourceScanner scanner, CorsProtocol protocol) {
    this.scanner = scanner;
    this.protocol = protocol;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(CorsRequestFilter.ANSWERED) != null) {
      return;
    }
    Method method = resourceInfo.getResourceMethod();
    Class<?> resourceClass = resourceInfo.getResourceClass();
    if (method == null || resourceClass == null) {
      return; // served by the runtime itself (its own OPTIONS, a programmatic resource)
    }
    CorsPolicy policy = scanner.policyOf(method);
    if (policy == null) {
      // A sub-resource: its root (the last matched resource) may have nothing but locators, which
      // no runtime shows to a DynamicFeature; read it now if the runtime did not list it.
      List<Object> matched = request.getUriInfo().getMatchedResources();
      if (!matched.isEmpty()) {
        try {
          scanner.add(matched.get(matched.size() - 1).getClass());
        } catch (RuntimeException invalid) {
          // an invalid annotation there: the policy below fails closed
        }
      }
      policy =
          scanner.policyOfMatched(
              resourceClass, method, RequestOrigins.path(request), request.getMethod());
    }
    Object decidedWith = request.getProperty(CorsRequestFilter.POLICY);
    request.setProperty(CorsRequestFilter.POLICY, policy);
    if (decidedWith == policy) {
      return; // decided before matching with this very policy, if at all
    }
    request.removeProperty(CorsRequestFilter.DECISION);
    if (!policy.rejectDisallowed() || RequestOrigins.origins(request) == null) {
      return;
    }
    request.setProperty(
        CorsRequestFilter.DECISION,
        protocol.decideActual(policy, JaxrsExchange.before(request), false));
  }
}
