package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.core.CorsHeaders;
import dev.corsjaxrs.core.CorsRequest;
import dev.corsjaxrs.core.Origin;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Locale;

/** Reads a {@link CorsRequest} from a Jakarta REST request, including the request's own origin. */
final class RequestOrigins {

  private RequestOrigins() {}

  /** The request path relative to the application base, without leading slash. */
  static String path(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  /** An actual request: only Origin, Sec-Fetch-Site and, if needed, the request's own origin. */
  static CorsRequest readActual(ContainerRequestContext request, boolean trustForwarded) {
    return CorsRequest.withOwnOrigin(
        request.getHeaders().get(CorsHeaders.ORIGIN),
        null,
        null,
        null,
        request.getHeaderString(CorsHeaders.SEC_FETCH_SITE),
        () -> ownOrigin(request, trustForwarded));
  }

  /** A preflight: every header the protocol reads. */
  static CorsRequest readPreflight(ContainerRequestContext request, boolean trustForwarded) {
    return CorsRequest.withOwnOrigin(
        request.getHeaders().get(CorsHeaders.ORIGIN),
        request.getHeaderString(CorsHeaders.REQUEST_METHOD),
        request.getHeaders().get(CorsHeaders.REQUEST_HEADERS),
        request.getHeaderString(CorsHeaders.REQUEST_PRIVATE_NETWORK),
        request.getHeaderString(CorsHeaders.SEC_FETCH_SITE),
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
      String forwarded = request.getHeaderString("Forwarded");
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
        forwardedProto = firstItem(request.getHeaderString("X-Forwarded-Proto"));
        forwardedHost = firstItem(request.getHeaderString("X-Forwarded-Host"));
        String forwardedPort = firstItem(request.getHeaderString("X-Forwarded-Port"));
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
