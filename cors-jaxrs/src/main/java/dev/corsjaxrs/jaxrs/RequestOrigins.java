package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
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
}
