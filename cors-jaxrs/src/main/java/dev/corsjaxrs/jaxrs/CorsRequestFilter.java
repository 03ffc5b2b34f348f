package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsHeaders;
import dev.corsjaxrs.core.CorsPolicy;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * Runs before resource matching and before the application's own filters. Answers every preflight
 * itself ({@code abortWith}: 200 with the CORS headers, or 403 without them), using the policy of
 * the resource method that will serve the actual request; in strict mode ({@code
 * reject-disallowed}) refuses cross-origin requests from origins that are not allowed with 403
 * before any resource code runs. Everything else passes on, with its policy kept for {@link
 * CorsResponseFilter}.
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

  CorsRequestFilter(RouteTable routes) {
    this.routes = routes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getHeaders().containsKey(CorsHeaders.ORIGIN)) {
      return;
    }
    String requestMethod = request.getHeaderString(CorsHeaders.REQUEST_METHOD);
    boolean preflight = request.getMethod().equals("OPTIONS") && requestMethod != null;
    if (!preflight && !routes.hasStrictPolicy()) {
      return; // the response filter answers actual requests
    }
    String path = RequestOrigins.path(request);
    CorsPolicy policy = routes.lookup(path, preflight ? requestMethod : request.getMethod());
    request.setProperty(POLICY, policy);
    if (preflight) {
      CorsDecision decision =
          policy.preflight(RequestOrigins.readPreflight(request, policy.trustForwardedHeaders()));
      if (decision.outcome() != CorsDecision.Outcome.NOT_CORS) {
        answer(request, decision, "preflight " + CorsPolicy.printable(requestMethod + " /" + path));
      }
    } else if (policy.rejectDisallowed()) {
      CorsDecision decision =
          policy.actual(RequestOrigins.readActual(request, policy.trustForwardedHeaders()));
      if (decision.isRefused()) {
        answer(request, decision, CorsPolicy.printable(request.getMethod() + " /" + path));
      }
    }
  }

  private static void answer(ContainerRequestContext request, CorsDecision decision, String what) {
    Response.ResponseBuilder response =
        decision.isAllowed() ? Response.ok() : Response.status(Response.Status.FORBIDDEN);
    decision.headers().forEach(response::header);
    if (decision.vary() != null) {
      response.header(CorsHeaders.VARY, decision.vary());
    }
    if (decision.isRefused()) {
      LOG.log(System.Logger.Level.DEBUG, "CORS refused {0}: {1}", what, decision.explanation());
    }
    request.setProperty(ANSWERED, Boolean.TRUE);
    request.abortWith(response.build());
  }
}
