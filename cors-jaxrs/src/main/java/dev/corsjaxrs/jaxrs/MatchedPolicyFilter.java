package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsPolicy;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;

/**
 * Bound to one resource method at deployment: once Jakarta REST has matched a request to that
 * method, the request takes the method's policy, whatever the spelling of its path (matrix
 * parameters, encoded characters). In strict mode it refuses, before the application's own filters
 * and the resource run, a request that the policy found before matching did not refuse but this one
 * does.
 */
@Priority(CorsProviders.PRIORITY)
final class MatchedPolicyFilter implements ContainerRequestFilter {

  private final CorsPolicy policy;
  private final boolean trustForwardedHeaders;

  MatchedPolicyFilter(CorsPolicy policy, boolean trustForwardedHeaders) {
    this.policy = policy;
    this.trustForwardedHeaders = trustForwardedHeaders;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Object decidedWith = request.getProperty(CorsRequestFilter.POLICY);
    request.setProperty(CorsRequestFilter.POLICY, policy);
    if (decidedWith == policy
        || !policy.rejectDisallowed()
        || request.getProperty(CorsRequestFilter.ANSWERED) != null) {
      return;
    }
    List<String> origins = RequestOrigins.origins(request);
    if (origins == null) {
      return;
    }
    CorsDecision decision =
        policy.actual(RequestOrigins.readActual(request, origins, trustForwardedHeaders));
    if (decision.isRefused()) {
      CorsRequestFilter.answer(
          request, decision, false, request.getMethod(), RequestOrigins.path(request));
    }
  }
}
