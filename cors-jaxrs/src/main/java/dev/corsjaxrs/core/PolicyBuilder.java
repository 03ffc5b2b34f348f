package dev.corsjaxrs.core;

import dev.corsjaxrs.CorsOriginCheck;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the attributes of a {@link CorsPolicy}, each with where it was set; {@link #build()}
 * validates the combination. Unset attributes keep the built-in defaults: no origin, methods GET,
 * HEAD and POST, any request header, no exposed header, no credentials, max-age 1800 s, no private
 * network access, not strict, no origin check.
 */
public final class PolicyBuilder {

  /** The methods of a policy that names none: GET, HEAD and POST. */
  public static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST");

  final PolicyCatalog catalog;
  boolean disabled;
  OriginMatcher origins;
  List<String> methods = DEFAULT_METHODS;
  List<String> allowedHeaders = List.of("*");
  List<String> exposedHeaders = List.of();
  boolean allowCredentials;
  long maxAge = 1800;
  boolean allowPrivateNetwork;
  boolean rejectDisallowed;
  boolean reportDisallowed;
  CorsOriginCheck originCheck;
  String originCheckName;
  String telemetryName = "global";
  final Map<CorsPolicy.Attribute, String> sources = new EnumMap<>(CorsPolicy.Attribute.class);

  PolicyBuilder(PolicyCatalog catalog) {
    this.catalog = catalog;
    this.origins = catalog.origins(List.of(), "built-in default");
  }

  /**
   * Turns CORS off, as {@code @CorsDisabled} does: no header is ever added and every preflight is
   * refused; with {@link #rejectDisallowed} every cross-origin actual request gets 403 (no origin
   * is allowed), while same-origin requests and requests without {@code Origin} pass.
   *
   * @param source where it was turned off
   * @return this
   */
  public PolicyBuilder disabled(String source) {
    this.disabled = true;
    sources.put(CorsPolicy.Attribute.ORIGINS, source);
    return this;
  }

  /**
   * Allowed origins (default: none), compiled once per distinct list in the catalog.
   *
   * @param items exact origins, {@code *}, patterns or {@code null}
   * @param source where they were set
   * @return this
   * @throws InvalidCorsConfigurationException naming the first item that is not an origin
   */
  public PolicyBuilder origins(List<String> items, String source) {
    this.origins = catalog.origins(items, source);
    sources.put(CorsPolicy.Attribute.ORIGINS, source);
    return this;
  }

  /**
   * Allowed methods, case-sensitive tokens or {@code *} (default: GET, HEAD, POST).
   *
   * @param items the methods
   * @param source where they were set
   * @return this
   */
  public PolicyBuilder methods(List<String> items, String source) {
    this.methods = tokens(items, source, "method");
    sources.put(CorsPolicy.Attribute.METHODS, source);
    return this;
  }

  /**
   * Allowed request headers, or {@code *} (default: {@code *}).
   *
   * @param items the header names
   * @param source where they were set
   * @return this
   */
  public PolicyBuilder allowedHeaders(List<String> items, String source) {
    this.allowedHeaders = tokens(items, source, "header name");
    sources.put(CorsPolicy.Attribute.ALLOWED_HEADERS, source);
    return this;
  }

  /**
   * Exposed response headers, or {@code *} (default: none).
   *
   * @param items the header names
   * @param source where they were set
   * @return this
   */
  public PolicyBuilder exposedHeaders(List<String> items, String source) {
    this.exposedHeaders = tokens(items, source, "header name");
    sources.put(CorsPolicy.Attribute.EXPOSED_HEADERS, source);
    return this;
  }

  /**
   * Whether credentials are allowed (default: false).
   *
   * @param value the flag
   * @param source where it was set
   * @return this
   */
  public PolicyBuilder allowCredentials(boolean value, String source) {
    this.allowCredentials = value;
    sources.put(CorsPolicy.Attribute.ALLOW_CREDENTIALS, source);
    return this;
  }

  /**
   * Preflight cache seconds, {@code -1} to omit the header (default: 1800).
   *
   * @param value the seconds
   * @param source where it was set
   * @return this
   */
  public PolicyBuilder maxAge(long value, String source) {
    if (value < -1) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS max-age '"
              + value
              + "' in "
              + source
              + ": use seconds (0 or more), or -1 to omit Access-Control-Max-Age");
    }
    this.maxAge = value;
    sources.put(CorsPolicy.Attribute.MAX_AGE, source);
    return this;
  }

  /**
   * Whether Private Network Access preflights are allowed (default: false).
   *
   * @param value the flag
   * @param source where it was set
   * @return this
   */
  public PolicyBuilder allowPrivateNetwork(boolean value, String source) {
    this.allowPrivateNetwork = value;
    sources.put(CorsPolicy.Attribute.ALLOW_PRIVATE_NETWORK, source);
    return this;
  }

  /**
   * Whether disallowed cross-origin requests get 403 (default: false).
   *
   * @param value the flag
   * @param source where it was set
   * @return this
   */
  public PolicyBuilder rejectDisallowed(boolean value, String source) {
    this.rejectDisallowed = value;
    this.reportDisallowed = false;
    sources.put(CorsPolicy.Attribute.REJECT_DISALLOWED, source);
    return this;
  }

  /**
   * Report mode ({@code reject-disallowed=report}): requests are answered as without strict mode,
   * and each one that strict mode would refuse with 403 is reported.
   *
   * @param source where it was set
   * @return this
   */
  public PolicyBuilder reportDisallowed(String source) {
    this.rejectDisallowed = false;
    this.reportDisallowed = true;
    sources.put(CorsPolicy.Attribute.REJECT_DISALLOWED, source);
    return this;
  }

  /**
   * Origins the application decides, beyond {@link #origins} (default: none).
   *
   * @param check the check, one instance per class for the deployment
   * @param name its class name as configured, for the log
   * @param source where it was set
   * @return this
   */
  public PolicyBuilder originCheck(CorsOriginCheck check, String name, String source) {
    this.originCheck = check;
    this.originCheckName = name;
    sources.put(CorsPolicy.Attribute.ORIGIN_CHECK, source);
    return this;
  }

  /**
   * How telemetry names the policy (default: {@code global}; a disabled policy is {@code disabled}
   * whatever this says).
   *
   * @param name {@code annotation} or a named policy's name
   * @return this
   */
  public PolicyBuilder telemetryName(String name) {
    this.telemetryName = name;
    return this;
  }

  /**
   * Validates the combination and returns the policy: the catalog's equal policy where it has one.
   *
   * @return the policy
   * @throws InvalidCorsConfigurationException when {@code *} origins meet credentials
   */
  public CorsPolicy build() {
    if (origins.allowsAny() && allowCredentials) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS policy: origins '*' (from "
              + sources.get(CorsPolicy.Attribute.ORIGINS)
              + ") cannot be combined with allow-credentials=true (from "
              + sources.get(CorsPolicy.Attribute.ALLOW_CREDENTIALS)
              + "): browsers refuse credentials with a wildcard origin; list the origins"
              + " instead");
    }
    return catalog.intern(new CorsPolicy(this));
  }

  private static List<String> tokens(List<String> items, String source, String what) {
    List<String> out = new ArrayList<>();
    for (String raw : items) {
      String item = raw.strip();
      if (!HttpSyntax.isToken(item) || (item.contains("*") && !item.equals("*"))) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS "
                + what
                + " '"
                + raw
                + "' in "
                + source
                + ": a "
                + what
                + " is a token of letters, digits and !#$%&'+-.^_`|~, or * alone");
      }
      out.add(item);
    }
    return List.copyOf(out);
  }
}
