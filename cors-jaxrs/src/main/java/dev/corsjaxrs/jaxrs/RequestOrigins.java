package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The two things the Jakarta REST filters read before they know a request is a CORS one. */
final class RequestOrigins {

  // Request headers are looked up by lower-case names: containers' header maps ignore case, and
  // Jersey's lower-cases the name of every lookup, which costs nothing for a name already lower
  // case.
  private static final String ORIGIN = "origin";

  private RequestOrigins() {}

  /** The {@code Origin} lines of a request, or null without any. */
  static List<String> origins(ContainerRequestContext request) {
    return request.getHeaders().get(ORIGIN);
  }

  /**
   * The request path relative to the application base, without leading slash and without matrix
   * parameters: the path Jakarta REST matches. Read from the raw request and base URIs rather than
   * {@code UriInfo.getPath(false)}, which not every runtime implements (Quarkus REST throws, #23).
   */
  static String path(ContainerRequestContext request) {
    String path = PathTemplate.withoutMatrixParameters(undecodedPath(request.getUriInfo()));
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  /** The request URI's raw path after the base URI's: what {@code getPath(false)} gives. */
  private static String undecodedPath(UriInfo uri) {
    String full = uri.getRequestUri().getRawPath();
    String base = uri.getBaseUri().getRawPath();
    if (full == null || base == null) {
      return uri.getPath(false);
    }
    if (full.startsWith(base)) {
      return full.substring(base.length());
    }
    return base.startsWith(full) ? "" : uri.getPath(false); // the base itself, without its '/'
  }
}
