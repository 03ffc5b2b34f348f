package dev.corsjaxrs.core;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
  private static final String HOST = "host";

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs.refusals");
  private static final System.Logger DEPLOYMENT_LOG = System.getLogger("dev.corsjaxrs");

  /** The headers of an actual response that another CORS layer may have set before this one. */
  private static final List<String> ACTUAL_HEADERS =
      List.of(CorsHeaders.ALLOW_ORIGIN, CorsHeaders.ALLOW_CREDENTIALS, CorsHeaders.EXPOSE_HEADERS);

  private final boolean trustForwardedHeaders;
  private final AllowedHosts hosts;
  private final RequestCounter counter;
  private final ReportLog reports = new ReportLog();
  private final AtomicBoolean secondLayerLogged = new AtomicBoolean();

  /**
   * The protocol of one deployment, answering any host.
   *
   * @param trustForwardedHeaders whether {@code Forwarded} and {@code X-Forwarded-*} count for a
   *     request's own origin
   */
  public CorsProtocol(boolean trustForwardedHeaders) {
    this(trustForwardedHeaders, AllowedHosts.ANY, RequestCounter.NONE);
  }

  /**
   * The protocol of one deployment.
   *
   * @param trustForwardedHeaders whether {@code Forwarded} and {@code X-Forwarded-*} count for a
   *     request's own origin and host
   * @param hosts the hosts the application answers to
   * @param counter where each decided request is counted
   */
  public CorsProtocol(boolean trustForwardedHeaders, AllowedHosts hosts, RequestCounter counter) {
    this.trustForwardedHeaders = trustForwardedHeaders;
    this.hosts = hosts;
    this.counter = counter;
  }

  /**
   * Whether {@code cors.allowed-hosts} is set, so that every request's host is checked.
   *
   * @return false where any host is answered
   */
  public boolean checksHosts() {
    return !hosts.allowsAny();
  }

  /**
   * Ends a request for a host the application does not answer to ({@code cors.allowed-hosts}) with
   * 400 and no CORS header; a missing, malformed or repeated {@code Host} counts as such.
   *
   * @param exchange any request, before its resource runs
   * @return true where the exchange was ended
   */
  public boolean refuseHost(CorsExchange exchange) {
    OwnOrigin request = read(exchange);
    if (hosts.allows(request)) {
      return false;
    }
    List<String> lines =
        request.hosts().isEmpty() ? exchange.requestHeaderLines(HOST) : request.hosts();
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "CORS refused {0} /{1} with 400: host {2} is not among cors.allowed-hosts {3}",
          HttpSyntax.printable(exchange.method()),
          HttpSyntax.printable(exchange.path()),
          lines == null || lines.isEmpty()
              ? "(none)"
              : lines.size() > 1 && request.hosts().isEmpty()
                  ? "(" + lines.size() + " Host lines)"
                  : "'" + HttpSyntax.printable(String.join(", ", lines)) + "'",
          hosts);
    }
    exchange.end(400);
    return true;
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
   * Whether a request needs a CORS decision: it has an {@code Origin}, or it is an unsafe request
   * that the browser marks cross-site or same-site without one (which strict mode refuses).
   *
   * @param exchange the request
   * @return false where the request is left alone (bar {@code Vary})
   */
  public static boolean needsDecision(CorsExchange exchange) {
    List<String> origins = origins(exchange);
    return (origins != null && !origins.isEmpty()) || isCrossSiteWithoutOrigin(exchange);
  }

  /**
   * The Sec-Fetch-Site rule of strict mode: a method other than GET, HEAD and OPTIONS, no {@code
   * Origin}, and {@code Sec-Fetch-Site: cross-site} or {@code same-site}.
   */
  private static boolean isCrossSiteWithoutOrigin(CorsExchange exchange) {
    String method = exchange.method();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return false;
    }
    List<String> origins = origins(exchange);
    if (origins != null && !origins.isEmpty()) {
      return false;
    }
    String site = exchange.requestHeader(SEC_FETCH_SITE);
    return "cross-site".equals(site) || "same-site".equals(site);
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
    count(RequestCounter.Kind.PREFLIGHT, policy, decision, false);
    if (decision.outcome() == CorsDecision.Outcome.NOT_CORS) {
      return false;
    }
    end(decision, exchange, decision.isAllowed() ? 200 : 403, "preflight " + requestMethod);
    return true;
  }

  /**
   * Decides an actual request, and ends it with 403 where the decision refuses it and the request
   * must not reach the resource: in strict mode, or for a handshake ({@link
   * CorsExchange#isHandshake()}).
   *
   * @param policy the request's policy
   * @param exchange the request
   * @return the decision, or null where {@link #needsDecision} is false; {@link
   *     CorsDecision#isRefused()} and the exchange ended where refused here
   */
  public CorsDecision decideActual(CorsPolicy policy, CorsExchange exchange) {
    CorsDecision decision = decide(policy, exchange);
    boolean handshake = exchange.isHandshake();
    if (decision != null && decision.isRefused() && (handshake || policy.rejectDisallowed())) {
      count(kind(exchange), policy, decision, false);
      end(decision, exchange, 403, handshake ? "WebSocket handshake" : exchange.method());
    }
    return decision;
  }

  /**
   * Decides an actual request without ending it, once its resource has run.
   *
   * @param policy the request's policy
   * @param exchange the request
   * @return the decision, or null where {@link #needsDecision} is false
   */
  public CorsDecision decide(CorsPolicy policy, CorsExchange exchange) {
    List<String> origins = origins(exchange);
    if (origins == null || origins.isEmpty()) {
      if (!policy.guardsCrossSite() || !isCrossSiteWithoutOrigin(exchange)) {
        return null;
      }
      String site = exchange.requestHeader(SEC_FETCH_SITE);
      return CorsDecision.refused(
          policy.actualVary,
          Refusal.ORIGIN_NOT_ALLOWED,
          () ->
              "a "
                  + site
                  + " "
                  + HttpSyntax.printable(exchange.method())
                  + " without Origin (Sec-Fetch-Site: "
                  + site
                  + ") counts as from an origin that is not allowed under strict mode, set by "
                  + policy.sourceOf(CorsPolicy.Attribute.REJECT_DISALLOWED));
    }
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
    boolean reported = decision != null && decision.isRefused() && policy.reportDisallowed();
    if (decision != null && !isPreflight(exchange)) {
      // (a same-origin preflight goes on to the application: it was counted as a preflight)
      count(kind(exchange), policy, decision, reported);
    }
    if (reported) {
      List<String> origins = origins(exchange);
      boolean withOrigin = origins != null && !origins.isEmpty();
      CorsDecision refused = decision;
      reports.report(
          exchange.method(),
          exchange.path(),
          !withOrigin
              ? null
              : origins.size() > 1 ? "(" + origins.size() + " Origin lines)" : origins.get(0),
          policy.sourceOf(CorsPolicy.Attribute.REJECT_DISALLOWED),
          () -> withoutOrigin(refused));
      if (!withOrigin) {
        decision = null; // answered as without strict mode: not a CORS request there
      }
    }
    if (decision == null) {
      mergeVary(exchange, policy.actualVary());
      return;
    }
    replaceSecondLayer(exchange);
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

  /**
   * A refusal's sentence for a report line, which names the origin already: "it" stands for the
   * origin, so that the line names it once.
   */
  private static String withoutOrigin(CorsDecision decision) {
    String text = decision.explanation();
    if (decision.refusal() == Refusal.ORIGIN_NOT_ALLOWED && text.startsWith("origin ")) {
      int verb = text.indexOf(" is not allowed");
      return verb < 0 ? text : "it" + text.substring(verb);
    }
    if (decision.refusal() == Refusal.ORIGIN_INVALID && text.endsWith("' is not an origin")) {
      return "it is not an origin";
    }
    return text;
  }

  /**
   * Where the response already carries {@code Access-Control-Allow-Origin} (another CORS layer ran
   * first: an application filter, RESTEasy's or CXF's CORS filter), takes that layer's actual
   * response headers off, so that the answer is this module's alone and no header is sent twice,
   * and says so once per deployment.
   */
  private void replaceSecondLayer(CorsExchange exchange) {
    Iterable<?> earlier = exchange.responseHeaderLines(CorsHeaders.ALLOW_ORIGIN);
    if (earlier == null || !earlier.iterator().hasNext()) {
      return;
    }
    if (secondLayerLogged.compareAndSet(false, true)) {
      String value = String.valueOf(earlier.iterator().next());
      DEPLOYMENT_LOG.log(
          System.Logger.Level.WARNING,
          "CORS: {0} /{1} already carried Access-Control-Allow-Origin: {2} before cors-jaxrs"
              + " answered: another CORS layer is active (a filter of the application, or the"
              + " runtime''s own: RESTEasy''s CorsFilter, CXF''s CrossOriginResourceSharingFilter,"
              + " quarkus.http.cors, Helidon''s CORS module, Open Liberty''s <cors>). cors-jaxrs"
              + " replaces its Access-Control-* headers wherever it answers; turn the other layer"
              + " off, since where it writes after cors-jaxrs it can turn a refusal into an"
              + " allowed origin. (Logged once.)",
          exchange.method(),
          exchange.path(),
          value.length() > 200 ? value.substring(0, 200) + "..." : value);
    }
    ACTUAL_HEADERS.forEach(exchange::removeResponseHeader);
  }

  private static boolean isPreflight(CorsExchange exchange) {
    return exchange.method().equals("OPTIONS") && preflightMethod(exchange) != null;
  }

  private static RequestCounter.Kind kind(CorsExchange exchange) {
    return exchange.isHandshake() ? RequestCounter.Kind.WEBSOCKET : RequestCounter.Kind.ACTUAL;
  }

  /** Counts a decided request once, on {@code cors.requests}. */
  private void count(
      RequestCounter.Kind kind, CorsPolicy policy, CorsDecision decision, boolean reported) {
    RequestCounter.Outcome outcome =
        reported
            ? RequestCounter.Outcome.REPORTED
            : switch (decision.outcome()) {
              case ALLOWED -> RequestCounter.Outcome.ALLOWED;
              case REFUSED -> RequestCounter.Outcome.REFUSED;
              case NOT_CORS -> RequestCounter.Outcome.SAME_ORIGIN;
            };
    counter.count(kind, outcome, decision.refusal(), policy.telemetryName());
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
    return read(exchange).origin();
  }

  /** What a request says of itself: the one reading of its forwarded headers. */
  private OwnOrigin read(CorsExchange exchange) {
    return OwnOrigin.read(
        exchange.scheme(),
        exchange.hostAndPort(),
        trustForwardedHeaders,
        exchange::requestHeaderLines);
  }
}
