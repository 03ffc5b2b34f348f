package dev.corsjaxrs.core;

import java.util.List;
import java.util.function.Supplier;

/**
 * The parts of an HTTP request that CORS looks at, as raw header values. Built by the HTTP glue,
 * read by {@link CorsPolicy#preflight} and {@link CorsPolicy#actual}. The request's own origin is
 * worked out only if a decision needs it.
 */
public final class CorsRequest {

  private final List<String> origins;
  private final String requestMethod;
  private final List<String> requestHeaders;
  private final String requestPrivateNetwork;
  private final String secFetchSite;
  private final Supplier<String> ownOrigin;

  /**
   * A request whose own origin is already known.
   *
   * @param origins every {@code Origin} header line (usually one; empty or null when absent)
   * @param requestMethod {@code Access-Control-Request-Method}, or null
   * @param requestHeaders every {@code Access-Control-Request-Headers} line, or null
   * @param requestPrivateNetwork {@code Access-Control-Request-Private-Network}, or null
   * @param secFetchSite {@code Sec-Fetch-Site}, or null
   * @param ownOrigin the serialized origin of the request itself (scheme, host and port the server
   *     saw, or the forwarded ones), or null when unknown
   */
  public CorsRequest(
      List<String> origins,
      String requestMethod,
      List<String> requestHeaders,
      String requestPrivateNetwork,
      String secFetchSite,
      String ownOrigin) {
    this(
        origins,
        requestMethod,
        requestHeaders,
        requestPrivateNetwork,
        secFetchSite,
        () -> ownOrigin);
  }

  private CorsRequest(
      List<String> origins,
      String requestMethod,
      List<String> requestHeaders,
      String requestPrivateNetwork,
      String secFetchSite,
      Supplier<String> ownOrigin) {
    this.origins = origins == null ? List.of() : List.copyOf(origins);
    this.requestMethod = requestMethod;
    this.requestHeaders = requestHeaders == null ? List.of() : List.copyOf(requestHeaders);
    this.requestPrivateNetwork = requestPrivateNetwork;
    this.secFetchSite = secFetchSite;
    this.ownOrigin = ownOrigin;
  }

  /**
   * A request whose own origin is worked out on first use, if ever.
   *
   * @param origins every {@code Origin} header line
   * @param requestMethod {@code Access-Control-Request-Method}, or null
   * @param requestHeaders every {@code Access-Control-Request-Headers} line, or null
   * @param requestPrivateNetwork {@code Access-Control-Request-Private-Network}, or null
   * @param secFetchSite {@code Sec-Fetch-Site}, or null
   * @param ownOrigin gives the request's own serialized origin, or null when unknown
   * @return the request
   */
  public static CorsRequest withOwnOrigin(
      List<String> origins,
      String requestMethod,
      List<String> requestHeaders,
      String requestPrivateNetwork,
      String secFetchSite,
      Supplier<String> ownOrigin) {
    return new CorsRequest(
        origins, requestMethod, requestHeaders, requestPrivateNetwork, secFetchSite, ownOrigin);
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

  /**
   * Every {@code Origin} header line.
   *
   * @return the lines; empty when absent
   */
  public List<String> origins() {
    return origins;
  }

  /**
   * {@code Access-Control-Request-Method}.
   *
   * @return the value, or null
   */
  public String requestMethod() {
    return requestMethod;
  }

  /**
   * Every {@code Access-Control-Request-Headers} line.
   *
   * @return the lines; empty when absent
   */
  public List<String> requestHeaders() {
    return requestHeaders;
  }

  /**
   * {@code Access-Control-Request-Private-Network}.
   *
   * @return the value, or null
   */
  public String requestPrivateNetwork() {
    return requestPrivateNetwork;
  }

  /**
   * {@code Sec-Fetch-Site}.
   *
   * @return the value, or null
   */
  public String secFetchSite() {
    return secFetchSite;
  }

  /**
   * The serialized origin of the request itself.
   *
   * @return the origin, or null when unknown
   */
  public String ownOrigin() {
    return ownOrigin.get();
  }
}
