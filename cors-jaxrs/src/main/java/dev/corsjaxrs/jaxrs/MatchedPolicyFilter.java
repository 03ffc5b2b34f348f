package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Runs once Jakarta REST has matched a request, before the application's own filters: the request
 * takes the policy of what the runtime matched ({@link RequestPolicy#afterMatching}), whatever the
 * spelling of its path (matrix parameters, encoded characters). In strict mode it refuses, before
 * the resource method runs, a request that the policy found before matching did not refuse but this
 * one does.
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
    if (JaxrsExchange.isAnswered(request)) {
      return;
    }
    CorsPolicy policy = policies.afterMatching(request, resourceInfo);
    if (policy != null && policy.rejectDisallowed()) {
      JaxrsExchange exchange = JaxrsExchange.before(request);
      if (CorsProtocol.needsDecision(exchange)) {
        RequestPolicy.keep(request, protocol.decideActual(policy, exchange));
      }
    }
  }
}
