package dev.corsjaxrs.servlet;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsHeaders;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsRequest;
import dev.corsjaxrs.core.HttpSyntax;
import dev.corsjaxrs.core.OwnOrigin;
import dev.corsjaxrs.core.VaryHeader;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CORS protocol for what a web application serves outside Jakarta REST (servlets, static files,
 * downloads) on the paths of {@code cors.servlet.paths}, with the policy that covers the path: the
 * named policy whose {@code paths} cover it, else the global one. Answers preflights itself, adds
 * the headers to actual responses before the servlet writes them, and refuses a WebSocket handshake
 * from a cross-origin page that the policy does not allow with 403, before the upgrade (browsers do
 * not apply CORS to WebSockets; any request with an {@code Upgrade} header counts as a handshake).
 * Requests that a Jakarta REST servlet serves are left to the Jakarta REST filters, so no header is
 * written twice.
 */
final class CorsServletFilter implements Filter {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs.refusals");

  /** Servlet classes that dispatch to Jakarta REST. */
  private static final Set<String> REST_SERVLETS =
      Set.of(
          "org.glassfish.jersey.servlet.ServletContainer",
          "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher",
          "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher",
          "org.jboss.resteasy.plugins.server.servlet.ResteasyServlet",
          "com.ibm.websphere.jaxrs.server.IBMRestServlet");

  private final PolicyResolver resolver;
  private final ServletContext context;
  private volatile Set<String> restServletNames = Set.of();

  CorsServletFilter(PolicyResolver resolver, ServletContext context) {
    this.resolver = resolver;
    this.context = context;
  }

  /** Finds the application's Jakarta REST servlets once, when the container starts the filter. */
  @Override
  public void init(FilterConfig config) {
    restServletNames = findRestServlets();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest request)
        || !(res instanceof HttpServletResponse response)
        || servedByJakartaRest(request)) {
      chain.doFilter(req, res);
      return;
    }
    List<String> origins = Collections.list(request.getHeaders("Origin"));
    String path = path(request);
    CorsPolicy policy = resolver.forPath(path);
    String method = request.getMethod();
    String requestMethod = request.getHeader("Access-Control-Request-Method");
    if (origins.isEmpty()) {
      mergeVary(response, policy.actualVary());
      chain.doFilter(req, res);
      return;
    }
    if (method.equals("OPTIONS") && requestMethod != null) {
      CorsDecision decision =
          policy.preflight(
              CorsRequest.withOwnOrigin(
                  origins,
                  requestMethod,
                  Collections.list(request.getHeaders("Access-Control-Request-Headers")),
                  request.getHeader("Access-Control-Request-Private-Network"),
                  request.getHeader("Sec-Fetch-Site"),
                  () -> ownOrigin(request)));
      if (decision.outcome() == CorsDecision.Outcome.NOT_CORS) {
        chain.doFilter(req, res);
        return;
      }
      answer(response, decision, decision.isAllowed() ? 200 : 403, "preflight " + method, path);
      return;
    }
    CorsDecision decision =
        policy.actual(
            CorsRequest.withOwnOrigin(
                origins,
                null,
                null,
                null,
                request.getHeader("Sec-Fetch-Site"),
                () -> ownOrigin(request)));
    // Any Upgrade counts as a handshake: servers differ in which spellings of "websocket" (or
    // lists, or several lines) they upgrade, so the refusal must not depend on the exact value.
    boolean handshake = request.getHeaders("Upgrade").hasMoreElements();
    if (decision.isRefused() && (handshake || policy.rejectDisallowed())) {
      answer(response, decision, 403, handshake ? "WebSocket handshake" : method, path);
      return;
    }
    logRefusal(decision, method, path);
    for (Map.Entry<String, String> header : decision.headers().entrySet()) {
      response.setHeader(header.getKey(), header.getValue());
    }
    mergeVary(response, decision.vary());
    if (decision.isAllowed() && decision.exposeAllResponseHeaders()) {
      ExposingResponse exposing = new ExposingResponse(response);
      chain.doFilter(req, exposing);
      exposing.expose();
      return;
    }
    chain.doFilter(req, res);
  }

  private static void answer(
      HttpServletResponse response, CorsDecision decision, int status, String what, String path) {
    response.setStatus(status);
    for (Map.Entry<String, String> header : decision.headers().entrySet()) {
      response.setHeader(header.getKey(), header.getValue());
    }
    mergeVary(response, decision.vary());
    response.setContentLength(0);
    logRefusal(decision, what, path);
  }

  /** One FINE line per refusal, naming the request and the broken rule. */
  private static void logRefusal(CorsDecision decision, String what, String path) {
    if (decision.isRefused() && LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "CORS refused {0} /{1}: {2}",
          HttpSyntax.printable(what),
          HttpSyntax.printable(path),
          decision.explanation());
    }
  }

  /** The request path relative to the context root, without leading slash. */
  private static String path(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  private boolean servedByJakartaRest(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    // Open Liberty names no servlet for a static file.
    String servlet = mapping == null ? null : mapping.getServletName();
    return servlet != null && restServletNames.contains(servlet);
  }

  /** The names of the application's servlets that dispatch to Jakarta REST. */
  private Set<String> findRestServlets() {
    Set<String> names = new HashSet<>();
    for (Map.Entry<String, ? extends ServletRegistration> entry :
        context.getServletRegistrations().entrySet()) {
      String className = entry.getValue().getClassName();
      if (className != null
          && (REST_SERVLETS.contains(className)
              || isApplication(className)
              || isApplication(entry.getKey()))) {
        names.add(entry.getKey());
      }
    }
    return Set.copyOf(names);
  }

  /** Whether a name is that of a {@code jakarta.ws.rs.core.Application} subclass. */
  private boolean isApplication(String className) {
    try {
      Class<?> type = Class.forName(className, false, context.getClassLoader());
      return jakarta.ws.rs.core.Application.class.isAssignableFrom(type);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private String ownOrigin(HttpServletRequest request) {
    return OwnOrigin.of(
        request.getScheme(),
        OwnOrigin.hostAndPort(request.getServerName(), request.getServerPort()),
        resolver.trustForwardedHeaders(),
        request::getHeader);
  }

  /** Adds items to {@code Vary}, as {@link VaryHeader#merge} says. */
  private static void mergeVary(HttpServletResponse response, String items) {
    if (items != null) {
      String merged = VaryHeader.merge(response.getHeaders(CorsHeaders.VARY), items);
      if (merged != null) {
        response.setHeader(CorsHeaders.VARY, merged);
      }
    }
  }
}
