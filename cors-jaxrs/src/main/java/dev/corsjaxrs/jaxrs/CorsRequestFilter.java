package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Runs before resource matching and before the application's own filters. Answers each cross-origin
 * preflight itself ({@code abortWith}: 200 with the CORS headers, or 403 without them; a
 * same-origin one goes on to the application), using the policy of the resource method that will
 * serve the actual request; in strict mode ({@code reject-disallowed}) refuses cross-origin
 * requests from origins that are not allowed with 403 before any resource code runs. Everything
 * else passes on, with its policy kept for {@link CorsResponseFilter}.
 */
@Priority(CorsProviders.PRIORITY)
@PreMatching
public final class CorsRequestFilter implements ContainerRequestFilter {

  private final RequestPolicy policies;
  private final CorsProtocol protocol;
  private final StartupMap startupMap;

  CorsRequestFilter(RequestPolicy policies, CorsProtocol protocol, StartupMap startupMap) {
    this.policies = policies;
    this.protocol = protocol;
    this.startupMap = startupMap;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    startupMap.write(); // resources the runtime showed one by one, if any
    JaxrsExchange exchange = null;
    if (protocol.checksHosts()) {
      exchange = JaxrsExchange.before(request);
      if (protocol.refuseHost(exchange)) {
        return;
      }
    }
    String method = request.getMethod();
    boolean options = method.equals("OPTIONS");
    boolean strict = policies.decidesBeforeMatching();
    if (!options && !strict) {
      return; // the response filter answers actual requests
    }
    if (RequestOrigins.origins(request) == null && options) {
      return; // not a preflight
    }
    if (exchange == null) {
      exchange = JaxrsExchange.before(request);
    }
    if (!CorsProtocol.needsDecision(exchange)) {
      return;
    }
    String requestMethod = options ? CorsProtocol.preflightMethod(exchange) : null;
    if (requestMethod != null) {
      // answered here, or (same origin) on to the application with its policy
      protocol.answerPreflight(
          policies.beforeMatching(request, exchange.path(), requestMethod),
          exchange,
          requestMethod);
    } else if (strict) {
      CorsPolicy policy = policies.beforeMatching(request, exchange.path(), method);
      if (policy.rejectDisallowed()) {
        RequestPolicy.keep(request, protocol.decideActual(policy, exchange));
      }
    }
  }
}
