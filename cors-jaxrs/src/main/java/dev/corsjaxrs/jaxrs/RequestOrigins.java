package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsRequest;
import dev.corsjaxrs.core.OwnOrigin;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.List;

/** Reads a {@link CorsRequest} from a Jakarta REST request, including the request's own origin. */
final class RequestOrigins {

  // Request headers are looked up by lower-case names: containers' header maps ignore case, and
  // Jersey's lower-cases the name of every lookup, which costs nothing for a name already lower
  // case.

  private static final String ORIGIN = "origin";
  private static final String REQUEST_METHOD = "access-control-request-method";
  private static final String REQUEST_HEADERS = "access-control-request-headers";
  private static final String REQUEST_PRIVATE_NETWORK = "access-control-request-private-network";
  private static final String SEC_FETCH_SITE = "sec-fetch-site";

  private RequestOrigins() {}

  /** The {@code Origin} lines of a request, or null without any. */
  static List<String> origins(ContainerRequestContext request) {
    return request.getHeaders().get(ORIGIN);
  }

  /** {@code Access-Control-Request-Method}, or null. */
  static String requestMethod(ContainerRequestContext request) {
    return request.getHeaderString(REQUEST_METHOD);
  }

  /**
   * The request path relative to the application base, without leading slash and without matrix
   * parameters: the path Jakarta REST matches.
   */
  static String path(ContainerRequestContext request) {
    String path = PathTemplate.withoutMatrixParameters(request.getUriInfo().getPath(false));
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  /**
   * An actual request: its {@code Origin} lines (read by the caller), Sec-Fetch-Site and, if
   * needed, the request's own origin.
   */
  static CorsRequest readActual(
      ContainerRequestContext request, List<String> origins, boolean trustForwarded) {
    return CorsRequest.withOwnOrigin(
        origins,
        null,
        null,
        null,
        request.getHeaderString(SEC_FETCH_SITE),
        () -> ownOrigin(request, trustForwarded));
  }

  /**
   * A preflight: every header the protocol reads ({@code Origin} and {@code
   * Access-Control-Request-Method} already read by the caller).
   */
  static CorsRequest readPreflight(
      ContainerRequestContext request,
      List<String> origins,
      String requestMethod,
      boolean trustForwarded) {
    return CorsRequest.withOwnOrigin(
        origins,
        requestMethod,
        request.getHeaders().get(REQUEST_HEADERS),
        request.getHeaderString(REQUEST_PRIVATE_NETWORK),
        request.getHeaderString(SEC_FETCH_SITE),
        () -> ownOrigin(request, trustForwarded));
  }

  /**
   * The serialized origin of the request itself: the scheme, host and port the container saw, or,
   * when {@code trustForwarded}, as a proxy forwarded them: the scheme from {@code Forwarded:
   * proto} or {@code X-Forwarded-Proto}; the host from {@code Forwarded: host} or {@code
   * X-Forwarded-Host}, else the request's own {@code Host}; the port from {@code X-Forwarded-Port},
   * else from that host, else the scheme's default.
   *
   * @return the origin, or null when it cannot be told
   */
  static String ownOrigin(ContainerRequestContext request, boolean trustForwarded) {
    URI uri = request.getUriInfo().getRequestUri();
    return OwnOrigin.of(
        uri.getScheme(),
        OwnOrigin.hostAndPort(uri.getHost(), uri.getPort()),
        trustForwarded,
        request::getHeaderString);
  }
}
