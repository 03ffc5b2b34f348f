package dev.corsjaxrs.servlet;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
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
import java.util.HashSet;
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

  /** Servlet classes that dispatch to Jakarta REST. */
  private static final Set<String> REST_SERVLETS =
      Set.of(
          "org.glassfish.jersey.servlet.ServletContainer",
          "org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher",
          "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher",
          "org.jboss.resteasy.plugins.server.servlet.ResteasyServlet",
          "com.ibm.websphere.jaxrs.server.IBMRestServlet");

  private final PolicyResolver resolver;
  private final CorsProtocol protocol;
  private final ServletContext context;
  private volatile Set<String> restServletNames = Set.of();

  CorsServletFilter(PolicyResolver resolver, ServletContext context) {
    this.resolver = resolver;
    this.protocol = resolver.protocol();
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
    String path = path(request);
    CorsPolicy policy = resolver.forPath(path);
    ServletExchange exchange = new ServletExchange(request, response, path);
    if (protocol.refuseHost(exchange)) {
      return;
    }
    if (!CorsProtocol.needsDecision(exchange)) {
      protocol.writeActual(null, policy, exchange);
      chain.doFilter(req, res);
      return;
    }
    String requestMethod = CorsProtocol.preflightMethod(exchange);
    if (request.getMethod().equals("OPTIONS") && requestMethod != null) {
      if (!protocol.answerPreflight(policy, exchange, requestMethod)) {
        chain.doFilter(req, res);
      }
      return;
    }
    CorsDecision decision = protocol.decideActual(policy, exchange);
    if (exchange.ended()) {
      return;
    }
    protocol.writeActual(decision, policy, exchange);
    ExposingResponse exposing = exchange.exposing();
    chain.doFilter(req, exposing == null ? res : exposing);
    if (exposing != null) {
      exposing.expose();
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
}
