package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsHeaders;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.HttpSyntax;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

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

  /** Request property: the {@link CorsPolicy} of the request. */
  static final String POLICY = "dev.corsjaxrs.policy";

  /** Request property: the response already has its CORS headers (or must get none). */
  static final String ANSWERED = "dev.corsjaxrs.answered";

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs.refusals");

  private final RouteTable routes;
  private final StartupMap startupMap;

  CorsRequestFilter(RouteTable routes, StartupMap startupMap) {
    this.routes = routes;
    this.startupMap = startupMap;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    startupMap.write(); // resources the runtime showed one by one, if any
    String method = request.getMethod();
    boolean options = method.equals("OPTIONS");
    boolean strict = routes.hasStrictPolicy();
    if (!options && !strict) {
      return; // the response filter answers actual requests
    }
    List<String> origins = RequestOrigins.origins(request);
    if (origins == null) {
      return;
    }
    String requestMethod = options ? RequestOrigins.requestMethod(request) : null;
    if (requestMethod != null) {
      String path = RequestOrigins.path(request);
      CorsPolicy policy = routes.lookup(path, requestMethod);
      CorsDecision decision =
          policy.preflight(
              RequestOrigins.readPreflight(
                  request, origins, requestMethod, routes.trustForwardedHeaders()));
      if (decision.outcome() == CorsDecision.Outcome.NOT_CORS) {
        request.setProperty(POLICY, policy); // same origin: on to the application
      } else {
        answer(request, decision, true, requestMethod, path);
      }
    } else if (strict) {
      String path = RequestOrigins.path(request);
      CorsPolicy policy = routes.lookup(path, method);
      request.setProperty(POLICY, policy);
      if (policy.rejectDisallowed()) {
        CorsDecision decision =
            policy.actual(
                RequestOrigins.readActual(request, origins, routes.trustForwardedHeaders()));
        if (decision.isRefused()) {
          answer(request, decision, false, method, path);
        }
      }
    }
  }

  static void answer(
      ContainerRequestContext request,
      CorsDecision decision,
      boolean preflight,
      String method,
      String path) {
    Response.ResponseBuilder response =
        decision.isAllowed() ? Response.ok() : Response.status(Response.Status.FORBIDDEN);
    for (Map.Entry<String, String> header : decision.headers().entrySet()) {
      response.header(header.getKey(), header.getValue());
    }
    if (decision.vary() != null) {
      response.header(CorsHeaders.VARY, decision.vary());
    }
    if (decision.isRefused() && LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "CORS refused {0}{1}: {2}",
          preflight ? "preflight " : "",
          HttpSyntax.printable(method + " /" + path),
          decision.explanation());
    }
    request.setProperty(ANSWERED, Boolean.TRUE);
    request.abortWith(response.build());
  }
}
