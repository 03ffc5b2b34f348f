package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsExchange;
import dev.corsjaxrs.core.CorsHeaders;
import dev.corsjaxrs.core.ExposedHeaders;
import dev.corsjaxrs.core.OwnOrigin;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The Jakarta REST door: a request before its resource runs (headers are gathered for an answer
 * that {@link #end} sends with {@code abortWith}), or a request and its response after.
 */
final class JaxrsExchange implements CorsExchange {

  /** Request property: the response already has its CORS headers (or must get none). */
  private static final String ANSWERED = "dev.corsjaxrs.answered";

  private final ContainerRequestContext request;
  private final boolean answering;
  private MultivaluedMap<String, Object> headers;
  private String path;

  private JaxrsExchange(
      ContainerRequestContext request, MultivaluedMap<String, Object> headers, boolean answering) {
    this.request = request;
    this.headers = headers;
    this.answering = answering;
  }

  /** Whether the module has answered the request already. */
  static boolean isAnswered(ContainerRequestContext request) {
    return request.getProperty(ANSWERED) != null;
  }

  /**
   * Marks the request answered, once.
   *
   * @return false where it was answered already (the module registered twice)
   */
  static boolean markAnswered(ContainerRequestContext request) {
    if (isAnswered(request)) {
      return false;
    }
    request.setProperty(ANSWERED, Boolean.TRUE);
    return true;
  }

  /** A request before its resource runs (the answer's headers gathered only if it ends here). */
  static JaxrsExchange before(ContainerRequestContext request) {
    return new JaxrsExchange(request, null, true);
  }

  /** A request and its response, after the resource. */
  static JaxrsExchange after(ContainerRequestContext request, ContainerResponseContext response) {
    return new JaxrsExchange(request, response.getHeaders(), false);
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    if (path == null) {
      path = RequestOrigins.path(request);
    }
    return path;
  }

  @Override
  public List<String> requestHeaderLines(String name) {
    return request.getHeaders().get(name);
  }

  @Override
  public String requestHeader(String name) {
    return request.getHeaderString(name);
  }

  @Override
  public String scheme() {
    return request.getUriInfo().getRequestUri().getScheme();
  }

  @Override
  public String hostAndPort() {
    URI uri = request.getUriInfo().getRequestUri();
    return OwnOrigin.hostAndPort(uri.getHost(), uri.getPort());
  }

  @Override
  public void setResponseHeader(String name, String value) {
    if (headers == null) {
      headers = new MultivaluedHashMap<>();
    }
    headers.putSingle(name, value);
  }

  @Override
  public void removeResponseHeader(String name) {
    if (headers != null) {
      headers.remove(name);
    }
  }

  @Override
  public Iterable<?> responseHeaderLines(String name) {
    return headers == null ? null : headers.get(name);
  }

  @Override
  public void exposeResponseHeaderNames() {
    if (headers == null) {
      return; // an answer of our own has no header of the application's
    }
    String names = ExposedHeaders.namesOf(headers.keySet());
    if (!names.isEmpty()) {
      headers.putSingle(CorsHeaders.EXPOSE_HEADERS, names);
    }
  }

  @Override
  public void end(int status) {
    if (!answering) {
      throw new IllegalStateException("the resource has run: the exchange cannot end here");
    }
    Response.ResponseBuilder answer = Response.status(status);
    if (headers != null) {
      headers.forEach((name, values) -> values.forEach(value -> answer.header(name, value)));
    }
    markAnswered(request);
    request.abortWith(answer.build());
  }
}
