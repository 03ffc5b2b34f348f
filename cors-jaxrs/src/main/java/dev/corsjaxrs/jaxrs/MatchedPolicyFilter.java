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
 * <p>The matched method comes from the injected {@link ResourceInfo}, or, for an instance bound to
 * one method by a {@link MethodBinder}, from that binding: Quarkus REST injects nothing into
 * instances a {@code Feature} registers. Where both run, the second finds the policy already kept.
 */
@Priority(CorsProviders.PRIORITY)
final class MatchedPolicyFilter implements ContainerRequestFilter {

  private final RequestPolicy policies;
  private final CorsProtocol protocol;

  private final Class<?> boundClass;
  private final Method boundMethod;

  @Context private ResourceInfo resourceInfo;

  /** The filter of every matched request, told the match by the runtime. */
  MatchedPolicyFilter(RequestPolicy policies, CorsProtocol protocol) {
    this(policies, protocol, null, null);
  }

  /** The filter of the requests one resource method serves. */
  MatchedPolicyFilter(
      RequestPolicy policies, CorsProtocol protocol, Class<?> boundClass, Method boundMethod) {
    this.policies = policies;
    this.protocol = protocol;
    this.boundClass = boundClass;
    this.boundMethod = boundMethod;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (JaxrsExchange.isAnswered(request)) {
      return;
    }
    CorsPolicy policy;
    if (boundMethod != null) {
      policy = policies.afterMatching(request, boundClass, boundMethod);
    } else if (resourceInfo != null) {
      policy =
          policies.afterMatching(
              request, resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    } else {
      return;
    }
    if (policy != null && policy.rejectDisallowed()) {
      JaxrsExchange exchange = JaxrsExchange.before(request);
      if (CorsProtocol.needsDecision(exchange)) {
        RequestPolicy.keep(request, protocol.decideActual(policy, exchange));
      }
    }
  }
}
