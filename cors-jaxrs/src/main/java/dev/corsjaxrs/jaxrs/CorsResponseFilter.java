package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsHeaders;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.ExposedHeaders;
import dev.corsjaxrs.core.HttpSyntax;
import dev.corsjaxrs.core.VaryHeader;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/**
 * Adds the CORS headers to every actual response, whatever its status (errors from exception
 * mappers and from other filters included), and merges {@code Origin} into {@code Vary} wherever
 * the answer depends on it. Runs last among response filters; writes each header once, however
 * often the module is registered.
 */
@Priority(CorsProviders.PRIORITY)
public final class CorsResponseFilter implements ContainerResponseFilter {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs.refusals");

  private final RouteTable routes;

  CorsResponseFilter(RouteTable routes) {
    this.routes = routes;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(CorsRequestFilter.ANSWERED) != null) {
      return;
    }
    request.setProperty(CorsRequestFilter.ANSWERED, Boolean.TRUE);
    MultivaluedMap<String, Object> headers = response.getHeaders();
    List<String> origins = RequestOrigins.origins(request);
    if (origins == null && routes.hasUniformVary()) {
      // Not a CORS request, and every policy answers it alike: no need to look the route up.
      if (routes.uniformVary() != null) {
        mergeVary(headers, routes.uniformVary());
      }
      return;
    }
    CorsPolicy policy = (CorsPolicy) request.getProperty(CorsRequestFilter.POLICY);
    if (policy == null) {
      policy = routes.uniformActualPolicy();
    }
    if (policy == null) {
      policy = routes.lookup(RequestOrigins.path(request), request.getMethod());
    }
    CorsDecision decision =
        policy.actual(RequestOrigins.readActual(request, origins, routes.trustForwardedHeaders()));
    if (decision.isAllowed()) {
      decision.headers().forEach(headers::putSingle);
      if (decision.exposeAllResponseHeaders()) {
        String names = ExposedHeaders.namesOf(headers.keySet());
        if (!names.isEmpty()) {
          headers.putSingle(CorsHeaders.EXPOSE_HEADERS, names);
        }
      }
    } else if (decision.isRefused() && LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "CORS refused {0} /{1}: {2}",
          HttpSyntax.printable(request.getMethod()),
          HttpSyntax.printable(RequestOrigins.path(request)),
          decision.explanation());
    }
    if (decision.vary() != null) {
      mergeVary(headers, decision.vary());
    }
  }

  /**
   * Adds items to {@code Vary}, keeping what the application set, writing one header line, never
   * repeating an item and leaving {@code Vary: *} alone.
   */
  static void mergeVary(MultivaluedMap<String, Object> headers, String items) {
    List<Object> existing = headers.get(CorsHeaders.VARY);
    if (existing == null || existing.isEmpty()) {
      headers.putSingle(CorsHeaders.VARY, items);
      return;
    }
    String merged = VaryHeader.merge(existing, items);
    if (merged != null) {
      headers.putSingle(CorsHeaders.VARY, merged);
    }
  }
}
