package dev.corsjaxrs.core;

/** Names of the HTTP response headers of the CORS protocol, as the Fetch standard spells them. */
public final class CorsHeaders {

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
