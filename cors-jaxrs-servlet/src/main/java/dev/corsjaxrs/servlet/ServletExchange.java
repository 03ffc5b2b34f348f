package dev.corsjaxrs.servlet;

import dev.corsjaxrs.core.CorsExchange;
import dev.corsjaxrs.core.OwnOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;

/**
 * The Servlet door: a request and its response before the servlet runs. Headers are set on the
 * response at once; where the response's own header names are to be exposed, the servlet gets an
 * {@link ExposingResponse} that lists them before its body.
 */
final class ServletExchange implements CorsExchange {

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final String path;
  private boolean ended;
  private boolean exposeLater;

  ServletExchange(HttpServletRequest request, HttpServletResponse response, String path) {
    this.request = request;
    this.response = response;
    this.path = path;
  }

  @Override
  public boolean isHandshake() {
    // Any Upgrade counts: servers differ in which spellings of "websocket" (or lists, or several
    // lines) they upgrade, so the refusal must not depend on the exact value.
    return request.getHeaders("Upgrade").hasMoreElements();
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public List<String> requestHeaderLines(String name) {
    return Collections.list(request.getHeaders(name));
  }

  @Override
  public String requestHeader(String name) {
    return request.getHeader(name);
  }

  @Override
  public String scheme() {
    return request.getScheme();
  }

  @Override
  public String hostAndPort() {
    return OwnOrigin.hostAndPort(request.getServerName(), request.getServerPort());
  }

  @Override
  public void setResponseHeader(String name, String value) {
    response.setHeader(name, value);
  }

  @Override
  public void removeResponseHeader(String name) {
    if (response.containsHeader(name)) {
      response.setHeader(name, null); // a null value takes the header off (Servlet 6)
    }
  }

  @Override
  public Iterable<?> responseHeaderLines(String name) {
    return response.getHeaders(name);
  }

  @Override
  public void exposeResponseHeaderNames() {
    exposeLater = true;
  }

  @Override
  public void end(int status) {
    response.setStatus(status);
    response.setContentLength(0);
    ended = true;
  }

  /** Whether the protocol ended the exchange: the servlet must not run. */
  boolean ended() {
    return ended;
  }

  /** The response the servlet gets: this one, or one that exposes its header names. */
  ExposingResponse exposing() {
    return exposeLater ? new ExposingResponse(response) : null;
  }
}
