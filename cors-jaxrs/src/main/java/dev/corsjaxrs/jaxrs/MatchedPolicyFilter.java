package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;

/**
 * Runs once Jakarta REST has matched a request, before the application's own filters: the request
 * takes the policy of what the runtime matched ({@link RequestPolicy#afterMatching}), whatever the
 * spelling of its path (matrix parameters, encoded characters). In strict mode it refuses, before
 * the resource method runs, a request that the policy found before matching did not refuse but this
 * one does.
 *
 * <p>The runtime tells the match through the injected {@link ResourceInfo}. Quarkus REST injects
 * nothing into the instances a {@code Feature} registers: there the {@link Bound} filter that a
 * {@link MethodBinder} gives each resource method tells it. Where both run, the second finds the
 * policy already kept.
 */
@Priority(CorsProviders.PRIORITY)
final class MatchedPolicyFilter implements ContainerRequestFilter {

  private final RequestPolicy policies;
  private final CorsProtocol protocol;

  @Context private ResourceInfo resourceInfo;

  MatchedPolicyFilter(RequestPolicy policies, CorsProtocol protocol) {
    this.policies = policies;
    this.protocol = protocol;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (resourceInfo != null) {
      apply(
          policies,
          protocol,
          request,
          resourceInfo.getResourceClass(),
          resourceInfo.getResourceMethod());
    }
  }

  private static void apply(
      RequestPolicy policies,
      CorsProtocol protocol,
      ContainerRequestContext request,
      Class<?> resourceClass,
      Method method) {
    if (JaxrsExchange.isAnswered(request)) {
      return;
    }
    CorsPolicy policy = policies.afterMatching(request, resourceClass, method);
    if (policy != null && policy.rejectDisallowed()) {
      JaxrsExchange exchange = JaxrsExchange.before(request);
      if (CorsProtocol.needsDecision(exchange)) {
        RequestPolicy.keep(request, protocol.decideActual(policy, exchange));
      }
    }
  }

  /**
   * The same filter bound to one resource method, which it knows from its binding (a class of its
   * own: RESTEasy ignores, with a warning, a second instance of a class registered already).
   */
  @Priority(CorsProviders.PRIORITY)
  static final class Bound implements ContainerRequestFilter {

    private final RequestPolicy policies;
    private final CorsProtocol protocol;
    private final Class<?> resourceClass;
    private final Method method;

    Bound(RequestPolicy policies, CorsProtocol protocol, Class<?> resourceClass, Method method) {
      this.policies = policies;
      this.protocol = protocol;
      this.resourceClass = resourceClass;
      this.method = method;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      apply(policies, protocol, request, resourceClass, method);
    }
  }
}
