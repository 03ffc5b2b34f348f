package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsPolicy;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The one place where a Jakarta REST request's policy is chosen, and kept on the request with its
 * decision: before matching from the route table (a preflight; an actual request in strict mode);
 * once the runtime has matched, from what it matched ({@link ResourceInfo}, sub-resources
 * included); for a response that met neither (nothing matched, an error before matching), from the
 * route table again.
 */
final class RequestPolicy {

  private static final String POLICY = "dev.corsjaxrs.policy";
  private static final String DECISION = "dev.corsjaxrs.decision";

  private final RouteTable routes;
  private final ResourceScanner scanner;

  RequestPolicy(RouteTable routes, ResourceScanner scanner) {
    this.routes = routes;
    this.scanner = scanner;
  }

  /** Whether some policy is strict, so that actual requests are decided before matching. */
  boolean decidesBeforeMatching() {
    return routes.hasStrictPolicy();
  }

  /** The policy of the method that would serve {@code method} at {@code path}, kept. */
  CorsPolicy beforeMatching(ContainerRequestContext request, String path, String method) {
    CorsPolicy policy = routes.lookup(path, method);
    request.setProperty(POLICY, policy);
    return policy;
  }

  /**
   * The policy of the method the runtime matched, kept in place of the one chosen before matching
   * (whose decision is dropped).
   *
   * @return the policy, or null where it is the one chosen before matching or the runtime serves
   *     the request itself (its own {@code OPTIONS}, a programmatic resource)
   */
  CorsPolicy afterMatching(ContainerRequestContext request, Class<?> resourceClass, Method method) {
    if (method == null || resourceClass == null) {
      return null;
    }
    CorsPolicy policy = scanner.policyOf(method, request);
    if (policy == null
        && request.getMethod().equals("OPTIONS")
        && ResourceMethods.rootOf(resourceClass) == null) {
      return null; // the runtime's own answer to OPTIONS (Jersey's): the path's policy applies
    }
    if (policy == null) {
      // A sub-resource: its root (the last matched resource) may have nothing but locators, which
      // no runtime shows to a DynamicFeature; read it now if the runtime did not list it.
      List<Object> resources = request.getUriInfo().getMatchedResources();
      if (!resources.isEmpty()) {
        try {
          scanner.add(resources.get(resources.size() - 1).getClass());
        } catch (RuntimeException invalid) {
          // an invalid annotation there: the policy below fails closed
        }
      }
      policy =
          scanner.policyOfMatched(
              resourceClass, method, RequestOrigins.path(request), request.getMethod());
    }
    if (request.getProperty(POLICY) == policy) {
      return null;
    }
    request.setProperty(POLICY, policy);
    request.removeProperty(DECISION);
    return policy;
  }

  /** The policy of a response: the one kept, else the application's only one, else looked up. */
  CorsPolicy ofResponse(ContainerRequestContext request, String path) {
    CorsPolicy policy = (CorsPolicy) request.getProperty(POLICY);
    if (policy == null) {
      policy = routes.uniformActualPolicy();
    }
    return policy != null ? policy : routes.lookup(path, request.getMethod());
  }

  /** Keeps the request's decision, taken with the policy kept. */
  static void keep(ContainerRequestContext request, CorsDecision decision) {
    request.setProperty(DECISION, decision);
  }

  /** The decision kept, or null where none was taken yet. */
  static CorsDecision decision(ContainerRequestContext request) {
    return (CorsDecision) request.getProperty(DECISION);
  }
}
