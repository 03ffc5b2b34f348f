package dev.corsjaxrs.core;

import java.util.List;

/**
 * The CORS protocol, once for every door: a preflight answered (or passed on where same-origin); an
 * actual request decided, refused with 403 where strict mode or the WebSocket rule says so; an
 * allowed answer's headers written, with {@code Vary} merged and the response's header names
 * exposed where the policy asks; each refusal explained once at FINE. Holds no state of a request.
 */
public final class CorsProtocol {

  /** Request header names, lower case, as every door reads them. */
  static final String ORIGIN = "origin";

  private static final String REQUEST_METHOD = "access-control-request-method";
  private static final String REQUEST_HEADERS = "access-control-request-headers";
  private static final String REQUEST_PRIVATE_NETWORK = "access-control-request-private-network";
  private static final String SEC_FETCH_SITE = "sec-fetch-site";

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs.refusals");

  private final boolean trustForwardedHeaders;

  /**
   * The protocol of one deployment.
   *
   * @param trustForwardedHeaders whether {@code Forwarded} and {@code X-Forwarded-*} count for a
   *     request's own origin
   */
  public CorsProtocol(boolean trustForwardedHeaders) {
    this.trustForwardedHeaders = trustForwardedHeaders;
  }

  /**
   * The {@code Origin} lines of a request.
   *
   * @param exchange the request
   * @return the lines, or null (or empty) without any
   */
  public static List<String> origins(CorsExchange exchange) {
    return exchange.requestHeaderLines(ORIGIN);
  }

  /**
   * The method a preflight asks about.
   *
   * @param exchange an {@code OPTIONS} request
   * @return {@code Access-Control-Request-Method}, or null where it is not a preflight
   */
  public static String preflightMethod(CorsExchange exchange) {
    return exchange.requestHeader(REQUEST_METHOD);
  }

  /**
   * Answers a preflight: ends the exchange with 200 and the headers, or 403 without them; a
   * same-origin preflight is left to the application.
   *
   * @param policy the policy of the method that would serve the actual request
   * @param exchange the preflight, with its {@code Origin}
   * @param requestMethod its {@code Access-Control-Request-Method}
   * @return true where the exchange was ended, false where it goes on
   */
  public boolean answerPreflight(CorsPolicy policy, CorsExchange exchange, String requestMethod) {
    CorsDecision decision =
        policy.preflight(
            CorsRequest.withOwnOrigin(
                origins(exchange),
                requestMethod,
                exchange.requestHeaderLines(REQUEST_HEADERS),
                exchange.requestHeader(REQUEST_PRIVATE_NETWORK),
                exchange.requestHeader(SEC_FETCH_SITE),
                () -> ownOrigin(exchange)));
    if (decision.outcome() == CorsDecision.Outcome.NOT_CORS) {
      return false;
    }
    end(decision, exchange, decision.isAllowed() ? 200 : 403, "preflight " + requestMethod);
    return true;
  }

  /**
   * Decides an actual request, and ends it with 403 where the decision refuses it and the request
   * must not reach the resource: in strict mode, or for a WebSocket handshake.
   *
   * @param policy the request's policy
   * @param exchange the request, with its {@code Origin}
   * @param handshake whether it asks for a protocol upgrade (any {@code Upgrade} header)
   * @return the decision; {@link CorsDecision#isRefused()} and the exchange ended where refused
   *     here
   */
  public CorsDecision decideActual(CorsPolicy policy, CorsExchange exchange, boolean handshake) {
    CorsDecision decision = decide(policy, exchange);
    if (decision.isRefused() && (handshake || policy.rejectDisallowed())) {
      end(decision, exchange, 403, handshake ? "WebSocket handshake" : exchange.method());
    }
    return decision;
  }

  /**
   * Decides an actual request without ending it, once its resource has run.
   *
   * @param policy the request's policy
   * @param exchange the request, with its {@code Origin}
   * @return the decision
   */
  public CorsDecision decide(CorsPolicy policy, CorsExchange exchange) {
    return policy.actual(
        CorsRequest.withOwnOrigin(
            origins(exchange),
            null,
            null,
            null,
            exchange.requestHeader(SEC_FETCH_SITE),
            () -> ownOrigin(exchange)));
  }

  /**
   * Writes an actual request's answer on its response: the allowed headers (and the response's
   * header names, where exposed headers are {@code *} with credentials), {@code Vary} merged, and
   * the refusal explained at FINE.
   *
   * @param decision the request's decision, or null for a request without {@code Origin}
   * @param policy the request's policy (its {@code Vary} for requests without {@code Origin})
   * @param exchange the response
   */
  public void writeActual(CorsDecision decision, CorsPolicy policy, CorsExchange exchange) {
    if (decision == null) {
      mergeVary(exchange, policy.actualVary());
      return;
    }
    if (decision.isAllowed()) {
      decision.headers().forEach(exchange::setResponseHeader);
      if (decision.exposeAllResponseHeaders()) {
        exchange.exposeResponseHeaderNames();
      }
    } else {
      explain(decision, exchange.method(), exchange);
    }
    mergeVary(exchange, decision.vary());
  }

  private void end(CorsDecision decision, CorsExchange exchange, int status, String what) {
    decision.headers().forEach(exchange::setResponseHeader);
    mergeVary(exchange, decision.vary());
    explain(decision, what, exchange);
    exchange.end(status);
  }

  /** One FINE line per refusal, naming the request and the broken rule. */
  private static void explain(CorsDecision decision, String what, CorsExchange exchange) {
    if (decision.isRefused() && LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "CORS refused {0} /{1}: {2}",
          HttpSyntax.printable(what),
          HttpSyntax.printable(exchange.path()),
          decision.explanation());
    }
  }

  /** Adds items to {@code Vary}, keeping what the response has, one line, each item once. */
  private static void mergeVary(CorsExchange exchange, String items) {
    if (items != null) {
      String merged = VaryHeader.merge(exchange.responseHeaderLines(CorsHeaders.VARY), items);
      if (merged != null) {
        exchange.setResponseHeader(CorsHeaders.VARY, merged);
      }
    }
  }

  /** The request's serialized own origin, forwarded headers counted where trusted. */
  private String ownOrigin(CorsExchange exchange) {
    return OwnOrigin.of(
        exchange.scheme(), exchange.hostAndPort(), trustForwardedHeaders, exchange::requestHeader);
  }
}
