package dev.corsjaxrs.core;

import java.util.List;

/**
 * The parts of an HTTP request that CORS looks at, as raw header values. Built by the HTTP glue,
 * read by {@link CorsPolicy#preflight} and {@link CorsPolicy#actual}.
 *
 * @param origins every {@code Origin} header line (usually one; empty when absent)
 * @param requestMethod {@code Access-Control-Request-Method}, or null
 * @param requestHeaders every {@code Access-Control-Request-Headers} line; several count as one
 *     list
 * @param requestPrivateNetwork {@code Access-Control-Request-Private-Network}, or null
 * @param secFetchSite {@code Sec-Fetch-Site}, or null
 * @param ownOrigin the serialized origin of the request itself (scheme, host and port the server
 *     saw, or the forwarded ones), or null when unknown
 */
public record CorsRequest(
    List<String> origins,
    String requestMethod,
    List<String> requestHeaders,
    String requestPrivateNetwork,
    String secFetchSite,
    String ownOrigin) {

  /** Copies the lists; nulls become empty lists. */
  public CorsRequest {
    origins = origins == null ? List.of() : List.copyOf(origins);
    requestHeaders = requestHeaders == null ? List.of() : List.copyOf(requestHeaders);
  }

  /**
   * An actual (non-preflight) request.
   *
   * @param origins the {@code Origin} header lines
   * @param secFetchSite {@code Sec-Fetch-Site}, or null
   * @param ownOrigin the request's own serialized origin, or null
   * @return the request
   */
  public static CorsRequest actual(List<String> origins, String secFetchSite, String ownOrigin) {
    return new CorsRequest(origins, null, List.of(), null, secFetchSite, ownOrigin);
  }
}
