package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;

/**
 * Adds the CORS headers to every actual response, whatever its status (errors from exception
 * mappers and from other filters included), and merges {@code Origin} into {@code Vary} wherever
 * the answer depends on it. Runs last among response filters; writes each header once, however
 * often the module is registered.
 */
@Priority(CorsProviders.PRIORITY)
public final class CorsResponseFilter implements ContainerResponseFilter {

  private final RouteTable routes;
  private final RequestPolicy policies;
  private final CorsProtocol protocol;

  CorsResponseFilter(RouteTable routes, RequestPolicy policies, CorsProtocol protocol) {
    this.routes = routes;
    this.policies = policies;
    this.protocol = protocol;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!JaxrsExchange.markAnswered(request)) {
      return;
    }
    JaxrsExchange exchange = JaxrsExchange.after(request, response);
    List<String> origins = RequestOrigins.origins(request);
    if (origins == null && routes.hasUniformVary() && !CorsProtocol.needsDecision(exchange)) {
      // Not a CORS request, and every policy answers it alike: no need to look the route up.
      protocol.writeActual(null, routes.anyPolicy(), exchange);
      return;
    }
    CorsPolicy policy = policies.ofResponse(request, exchange.path());
    CorsDecision decision = RequestPolicy.decision(request);
    if (decision == null) {
      decision = protocol.decide(policy, exchange);
    }
    protocol.writeActual(decision, policy, exchange);
  }
}
