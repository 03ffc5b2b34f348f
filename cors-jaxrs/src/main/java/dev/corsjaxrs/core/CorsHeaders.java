package dev.corsjaxrs.core;

/** Names of the HTTP headers of the CORS protocol, as the Fetch standard spells them. */
public final class CorsHeaders {

  /** Request: the origin of the page that makes the request. */
  public static final String ORIGIN = "Origin";

  /** Preflight request: the method of the actual request. */
  public static final String REQUEST_METHOD = "Access-Control-Request-Method";

  /** Preflight request: the non-safelisted headers of the actual request. */
  public static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

  /** Preflight request (Private Network Access): {@code true} when the target is private. */
  public static final String REQUEST_PRIVATE_NETWORK = "Access-Control-Request-Private-Network";

  /** Request: how the browser relates the page's site to the target's. */
  public static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

  /** Response: the origin allowed to read it, or {@code *}. */
  public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

  /** Response: {@code true} when credentials are allowed. */
  public static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";

  /** Preflight response: the allowed methods. */
  public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";

  /** Preflight response: the allowed request headers. */
  public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";

  /** Preflight response: seconds the browser may cache the answer. */
  public static final String MAX_AGE = "Access-Control-Max-Age";

  /** Preflight response (Private Network Access): {@code true} when allowed. */
  public static final String ALLOW_PRIVATE_NETWORK = "Access-Control-Allow-Private-Network";

  /** Actual response: headers the page may read. */
  public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

  /** Response: request headers the answer depends on. */
  public static final String VARY = "Vary";

  private CorsHeaders() {}
}
