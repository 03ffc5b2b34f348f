package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsRequest;
import dev.corsjaxrs.core.Origin;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;

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

  /** The request path relative to the application base, without leading slash. */
  static String path(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
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
   * when {@code trustForwarded}, those of {@code Forwarded} or {@code
   * X-Forwarded-Proto/-Host/-Port}.
   *
   * @return the origin, or null when it cannot be told
   */
  static String ownOrigin(ContainerRequestContext request, boolean trustForwarded) {
    URI uri = request.getUriInfo().getRequestUri();
    String scheme = uri.getScheme();
    String host = uri.getHost();
    int port = uri.getPort();
    if (trustForwarded) {
      String forwarded = request.getHeaderString("forwarded");
      String forwardedProto = null;
      String forwardedHost = null;
      if (forwarded != null) {
        String first = forwarded.split(",", 2)[0];
        for (String pair : first.split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = unquote(pair.substring(eq + 1).strip());
            if (name.equals("proto")) {
              forwardedProto = value;
            } else if (name.equals("host")) {
              forwardedHost = value;
            }
          }
        }
      } else {
        forwardedProto = firstItem(request.getHeaderString("x-forwarded-proto"));
        forwardedHost = firstItem(request.getHeaderString("x-forwarded-host"));
        String forwardedPort = firstItem(request.getHeaderString("x-forwarded-port"));
        if (forwardedHost != null && forwardedPort != null && forwardedHost.indexOf(':') < 0) {
          forwardedHost = forwardedHost + ":" + forwardedPort;
        }
      }
      if (forwardedProto != null) {
        scheme = forwardedProto;
        if (forwardedHost == null) {
          port = -1;
        }
      }
      if (forwardedHost != null) {
        return Origin.parse(scheme + "://" + forwardedHost).map(Origin::toString).orElse(null);
      }
    }
    if (scheme == null || host == null) {
      return null;
    }
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return Origin.parse(scheme + "://" + host + (port < 0 ? "" : ":" + port))
        .map(Origin::toString)
        .orElse(null);
  }

  private static String firstItem(String value) {
    if (value == null) {
      return null;
    }
    String first = value.split(",", 2)[0].strip();
    return first.isEmpty() ? null : first;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
