package dev.corsjaxrs.core;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resolved, immutable CORS policy, and the two decisions of the protocol: {@link #preflight} and
 * {@link #actual}. Everything is checked and precomputed when the policy is built (at deployment);
 * a decision only looks up and compares. Knows nothing about HTTP frameworks.
 */
public final class CorsPolicy {

  /**
   * Most decisions kept for allowed preflights, and for actual requests from allowed origins beyond
   * those of exactly listed origins (which are all kept once seen): enough for real traffic,
   * bounded against hostile variety.
   */
  private static final int MAX_CACHED_DECISIONS = 1024;

  /** Most header names a preflight may ask for; browsers send a handful. */
  public static final int MAX_REQUESTED_HEADERS = 100;

  /** The attributes of a policy, each with where it was set. */
  public enum Attribute {
    /** Allowed origins. */
    ORIGINS,
    /** Allowed methods. */
    METHODS,
    /** Allowed request headers. */
    ALLOWED_HEADERS,
    /** Exposed response headers. */
    EXPOSED_HEADERS,
    /** Whether credentials are allowed. */
    ALLOW_CREDENTIALS,
    /** Preflight cache seconds. */
    MAX_AGE,
    /** Whether Private Network Access preflights are allowed. */
    ALLOW_PRIVATE_NETWORK,
    /** Whether disallowed cross-origin requests get 403. */
    REJECT_DISALLOWED,
    /** Whether forwarded headers count for the request's own origin. */
    TRUST_FORWARDED_HEADERS
  }

  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private final boolean disabled;
  private final OriginMatcher origins;
  private final Set<String> methods;
  private final boolean anyMethod;
  private final String allowMethodsValue;
  private final Set<String> allowedHeaders;
  private final boolean anyHeader;
  private final String allowHeadersValue;
  private final String exposeHeadersValue;
  private final boolean exposeAll;
  private final boolean allowCredentials;
  private final long maxAge;
  private final String maxAgeValue;
  private final boolean allowPrivateNetwork;
  private final boolean rejectDisallowed;
  private final boolean trustForwardedHeaders;
  private final Map<Attribute, String> sources;
  private final String actualVary;
  private final String preflightVary;
  private final CorsDecision notCorsActual;

  /**
   * The answers to actual requests from allowed origins, by raw {@code Origin} value, filled as
   * they are first decided: the same origin always gets the same headers, so later requests
   * allocate nothing.
   */
  private final Map<String, CorsDecision> allowedActual = new ConcurrentHashMap<>();

  /** The answers to allowed preflights, by what they depend on (see preflightKey), bounded. */
  private final Map<PreflightKey, CorsDecision> allowedPreflights = new ConcurrentHashMap<>();

  private CorsPolicy(Builder b) {
    this.disabled = b.disabled;
    this.origins = b.origins;
    this.anyMethod = b.methods.contains("*");
    Set<String> methodSet = new LinkedHashSet<>(b.methods);
    methodSet.remove("*");
    if (methodSet.contains("GET")) {
      methodSet.add("HEAD");
    }
    this.methods = Collections.unmodifiableSet(methodSet);
    this.allowMethodsValue = String.join(", ", methodSet);
    this.anyHeader = b.allowedHeaders.contains("*");
    Set<String> headerSet = new LinkedHashSet<>();
    List<String> headerNames = new ArrayList<>();
    for (String header : b.allowedHeaders) {
      if (!header.equals("*") && headerSet.add(header.toLowerCase(Locale.ROOT))) {
        headerNames.add(header);
      }
    }
    this.allowedHeaders = Collections.unmodifiableSet(headerSet);
    this.allowHeadersValue = String.join(", ", headerNames);
    this.exposeAll = b.exposedHeaders.contains("*");
    this.allowCredentials = b.allowCredentials;
    List<String> exposed = new ArrayList<>(new LinkedHashSet<>(b.exposedHeaders));
    exposed.remove("*");
    this.exposeHeadersValue =
        exposeAll && !allowCredentials
            ? "*"
            : exposed.isEmpty() ? null : String.join(", ", exposed);
    this.maxAge = b.maxAge;
    this.maxAgeValue = b.maxAge < 0 ? null : Long.toString(b.maxAge);
    this.allowPrivateNetwork = b.allowPrivateNetwork;
    this.rejectDisallowed = b.rejectDisallowed;
    this.trustForwardedHeaders = b.trustForwardedHeaders;
    this.sources = Collections.unmodifiableMap(new EnumMap<>(b.sources));
    this.actualVary = origins.isEmpty() && !rejectDisallowed ? null : "Origin";
    this.notCorsActual = CorsDecision.notCors(actualVary);
    this.preflightVary =
        allowPrivateNetwork
            ? PREFLIGHT_VARY + ", Access-Control-Request-Private-Network"
            : PREFLIGHT_VARY;
  }

  /** A copy of {@code from} with other methods. */
  private CorsPolicy(CorsPolicy from, Set<String> methods) {
    this.disabled = from.disabled;
    this.origins = from.origins;
    this.anyMethod = from.anyMethod;
    this.methods = Collections.unmodifiableSet(methods);
    this.allowMethodsValue = String.join(", ", methods);
    this.anyHeader = from.anyHeader;
    this.allowedHeaders = from.allowedHeaders;
    this.allowHeadersValue = from.allowHeadersValue;
    this.exposeAll = from.exposeAll;
    this.allowCredentials = from.allowCredentials;
    this.exposeHeadersValue = from.exposeHeadersValue;
    this.maxAge = from.maxAge;
    this.maxAgeValue = from.maxAgeValue;
    this.allowPrivateNetwork = from.allowPrivateNetwork;
    this.rejectDisallowed = from.rejectDisallowed;
    this.trustForwardedHeaders = from.trustForwardedHeaders;
    this.sources = from.sources;
    this.actualVary = from.actualVary;
    this.notCorsActual = from.notCorsActual;
    this.preflightVary = from.preflightVary;
  }

  /**
   * Starts a policy that allows no origin, implements the built-in defaults for everything else and
   * names no source.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The policy of a place where {@code @CorsDisabled} turned CORS off: no header is ever added and
   * every preflight is refused. Strict mode and the trust in forwarded headers are inherited from
   * the configuration: in strict mode a cross-origin actual request gets 403 there (no origin is
   * allowed), while same-origin requests and requests without {@code Origin} pass.
   *
   * @param source where it was turned off
   * @param rejectDisallowed whether cross-origin actual requests get 403
   * @param strictSource where strictness was set, or null for the built-in default
   * @param trustForwardedHeaders whether forwarded headers count for the request's own origin
   * @return the policy
   */
  public static CorsPolicy disabled(
      String source, boolean rejectDisallowed, String strictSource, boolean trustForwardedHeaders) {
    Builder b = new Builder();
    b.disabled = true;
    b.sources.put(Attribute.ORIGINS, source);
    b.rejectDisallowed = rejectDisallowed;
    if (strictSource != null) {
      b.sources.put(Attribute.REJECT_DISALLOWED, strictSource);
    }
    b.trustForwardedHeaders = trustForwardedHeaders;
    return b.build();
  }

  /**
   * Decides a preflight: an {@code OPTIONS} request with {@code Origin} and {@code
   * Access-Control-Request-Method}.
   *
   * @param request the request
   * @return the headers of a 2xx answer, a refusal to answer with 403, or {@link
   *     CorsDecision.Outcome#NOT_CORS} for a same-origin request
   */
  public CorsDecision preflight(CorsRequest request) {
    if (disabled) {
      return CorsDecision.refused(
          preflightVary,
          Refusal.CORS_DISABLED,
          () -> "CORS is disabled here by " + source(Attribute.ORIGINS));
    }
    PreflightKey key = preflightKey(request);
    CorsDecision known = key == null ? null : allowedPreflights.get(key);
    if (known != null) {
      return known;
    }
    CorsDecision originRefusal = checkOrigin(request, preflightVary);
    if (originRefusal != null) {
      return originRefusal;
    }
    String origin = request.origins().get(0);
    String allowOrigin = allowOriginFor(origin);
    String method = request.requestMethod();
    if (method == null || !isToken(method)) {
      return CorsDecision.refused(
          preflightVary,
          Refusal.METHOD_INVALID,
          () -> "Access-Control-Request-Method '" + printable(method) + "' is not a method token");
    }
    if (!anyMethod && !methods.contains(method)) {
      return CorsDecision.refused(
          preflightVary,
          Refusal.METHOD_NOT_ALLOWED,
          () ->
              "method "
                  + printable(method)
                  + " is not allowed: only "
                  + (methods.isEmpty() ? "none" : allowMethodsValue)
                  + " (from "
                  + source(Attribute.METHODS)
                  + ")");
    }
    List<String> requested = new ArrayList<>();
    for (String line : request.requestHeaders()) {
      for (String item : line.split(",", -1)) {
        String name = item.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (!isToken(name)) {
          return CorsDecision.refused(
              preflightVary,
              Refusal.HEADER_INVALID,
              () ->
                  "Access-Control-Request-Headers holds '"
                      + printable(name)
                      + "', not a header name");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!requested.contains(lower)) {
          if (requested.size() == MAX_REQUESTED_HEADERS) {
            return CorsDecision.refused(
                preflightVary,
                Refusal.TOO_MANY_HEADERS,
                () ->
                    "Access-Control-Request-Headers names more than "
                        + MAX_REQUESTED_HEADERS
                        + " headers");
          }
          requested.add(lower);
        }
        if (!anyHeader && !allowedHeaders.contains(lower)) {
          return CorsDecision.refused(
              preflightVary,
              Refusal.HEADER_NOT_ALLOWED,
              () ->
                  "header "
                      + printable(lower)
                      + " is not allowed: only "
                      + (allowedHeaders.isEmpty() ? "none" : allowHeadersValue)
                      + " (from "
                      + source(Attribute.ALLOWED_HEADERS)
                      + ")");
        }
      }
    }
    boolean privateNetwork = "true".equals(request.requestPrivateNetwork());
    if (privateNetwork && !allowPrivateNetwork) {
      return CorsDecision.refused(
          preflightVary,
          Refusal.PRIVATE_NETWORK_NOT_ALLOWED,
          () ->
              "private network access is not allowed (from "
                  + source(Attribute.ALLOW_PRIVATE_NETWORK)
                  + ")");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CorsHeaders.ALLOW_ORIGIN, allowOrigin);
    if (allowCredentials) {
      headers.put(CorsHeaders.ALLOW_CREDENTIALS, "true");
    }
    headers.put(CorsHeaders.ALLOW_METHODS, anyMethod ? method : allowMethodsValue);
    if (!requested.isEmpty()) {
      headers.put(CorsHeaders.ALLOW_HEADERS, allowHeadersFor(requested));
    }
    if (maxAgeValue != null) {
      headers.put(CorsHeaders.MAX_AGE, maxAgeValue);
    }
    if (privateNetwork) {
      headers.put(CorsHeaders.ALLOW_PRIVATE_NETWORK, "true");
    }
    CorsDecision decision =
        new CorsDecision(CorsDecision.Outcome.ALLOWED, headers, preflightVary, null, null, false);
    if (allowedPreflights.size() < MAX_CACHED_DECISIONS) {
      allowedPreflights.putIfAbsent(key, decision);
    }
    return decision;
  }

  /**
   * What an allowed preflight's answer depends on: its origin, method, requested headers and
   * private-network flag, as sent.
   */
  private record PreflightKey(
      String origin, String method, List<String> headers, String privateNetwork) {}

  /** The key of a preflight's answer; null for a request with other than one {@code Origin}. */
  private static PreflightKey preflightKey(CorsRequest request) {
    if (request.origins().size() != 1) {
      return null;
    }
    return new PreflightKey(
        request.origins().get(0),
        request.requestMethod(),
        request.requestHeaders(),
        request.requestPrivateNetwork());
  }

  /**
   * Decides an actual request (anything but a preflight).
   *
   * @param request the request
   * @return the headers to add to the response, a refusal (no header; 403 where {@link
   *     #rejectDisallowed()}), or {@link CorsDecision.Outcome#NOT_CORS}
   */
  public CorsDecision actual(CorsRequest request) {
    List<String> lines = request.origins();
    if (lines.isEmpty() || (disabled && !rejectDisallowed)) {
      return notCorsActual;
    }
    if (disabled) {
      // Strict mode: no origin is allowed here, so every cross-origin request is refused.
      CorsDecision decision = checkOrigin(request, actualVary);
      return decision == null || decision.refusal() == Refusal.ORIGIN_NOT_ALLOWED
          ? CorsDecision.refused(
              actualVary,
              Refusal.CORS_DISABLED,
              () -> "CORS is disabled here by " + source(Attribute.ORIGINS))
          : decision;
    }
    if (lines.size() == 1) {
      // An origin allowed before gets the same answer; even on a same-origin request the
      // headers do no harm, and the request's own origin need not be worked out.
      CorsDecision known = allowedActual.get(lines.get(0));
      if (known != null) {
        return known;
      }
    }
    CorsDecision originRefusal = checkOrigin(request, actualVary);
    if (originRefusal != null) {
      return originRefusal;
    }
    String header = lines.get(0);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CorsHeaders.ALLOW_ORIGIN, allowOriginFor(header));
    if (allowCredentials) {
      headers.put(CorsHeaders.ALLOW_CREDENTIALS, "true");
    }
    if (exposeHeadersValue != null) {
      headers.put(CorsHeaders.EXPOSE_HEADERS, exposeHeadersValue);
    }
    CorsDecision decision =
        new CorsDecision(
            CorsDecision.Outcome.ALLOWED,
            headers,
            actualVary,
            null,
            null,
            exposeAll && allowCredentials);
    if (origins.listsExactly(header) || allowedActual.size() < MAX_CACHED_DECISIONS) {
      allowedActual.putIfAbsent(header, decision);
    }
    return decision;
  }

  /**
   * Checks the {@code Origin} lines of a request that has at least one.
   *
   * @return null when the origin is allowed and cross-origin; a decision otherwise
   */
  private CorsDecision checkOrigin(CorsRequest request, String vary) {
    List<String> lines = request.origins();
    if (lines.size() != 1) {
      return CorsDecision.refused(
          vary,
          Refusal.ORIGIN_INVALID,
          () -> "the request has " + lines.size() + " Origin headers");
    }
    String header = lines.get(0);
    Optional<Origin> origin = Origin.parse(header);
    if (origin.isEmpty()) {
      return CorsDecision.refused(
          vary,
          Refusal.ORIGIN_INVALID,
          () -> "Origin '" + printable(header) + "' is not an origin");
    }
    String serialized = origin.get().toString();
    if ("same-origin".equals(request.secFetchSite()) || serialized.equals(request.ownOrigin())) {
      return CorsDecision.notCors(vary);
    }
    if (!origins.allows(origin.get())) {
      return CorsDecision.refused(
          vary,
          Refusal.ORIGIN_NOT_ALLOWED,
          () ->
              "origin "
                  + serialized
                  + " is not allowed: only "
                  + (origins.isEmpty() ? "none" : summary(origins.items()))
                  + " (from "
                  + source(Attribute.ORIGINS)
                  + ")");
    }
    return null;
  }

  /** At most five items of a list, for a log line: allow-lists may hold thousands. */
  private static String summary(List<String> items) {
    return items.size() <= 5
        ? items.toString()
        : items.subList(0, 5).toString().replace("]", ", ... " + (items.size() - 5) + " more]");
  }

  /** {@code *} where any origin is allowed (never with credentials: build() refuses that). */
  private String allowOriginFor(String header) {
    if (origins.allowsAny() && !header.equals("null")) {
      return "*";
    }
    return origins.match(header).orElseThrow();
  }

  /**
   * The {@code Access-Control-Allow-Headers} value for allowed requested headers. A literal {@code
   * *} is read as a wildcard only without credentials, and never covers {@code Authorization}: list
   * the requested names wherever {@code *} alone would fail.
   */
  private String allowHeadersFor(List<String> requested) {
    if (!anyHeader) {
      return allowHeadersValue;
    }
    if (allowCredentials || requested.contains("authorization")) {
      return String.join(", ", requested);
    }
    return "*";
  }

  /**
   * Whether a string is an HTTP token (RFC 9110): the syntax of method and header names.
   *
   * @param value the string
   * @return true for a non-empty token
   */
  public static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A request value made safe for a log line: at most 100 characters, control and non-ASCII
   * characters escaped as a backslash, u and four hex digits.
   *
   * @param value a value from a request, may be null
   * @return the printable form
   */
  public static String printable(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (; next < value.length() && out.length() < 100; next++) {
      char c = value.charAt(next);
      if (c < 0x20 || c > 0x7e) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return next < value.length() ? out + "..." : out.toString();
  }

  private String source(Attribute attribute) {
    return sources.getOrDefault(attribute, "built-in default");
  }

  /**
   * Whether {@code @CorsDisabled} turned CORS off here.
   *
   * @return true where disabled
   */
  public boolean isDisabled() {
    return disabled;
  }

  /**
   * The allowed origins.
   *
   * @return the compiled allow-list
   */
  public OriginMatcher origins() {
    return origins;
  }

  /**
   * The allowed methods, {@code HEAD} added wherever {@code GET} is; empty with {@link
   * #allowsAnyMethod()}.
   *
   * @return the methods
   */
  public Set<String> methods() {
    return methods;
  }

  /**
   * Whether any method is allowed ({@code *}).
   *
   * @return true for any method
   */
  public boolean allowsAnyMethod() {
    return anyMethod;
  }

  /**
   * Whether credentials are allowed.
   *
   * @return true when {@code Access-Control-Allow-Credentials: true} is sent
   */
  public boolean allowCredentials() {
    return allowCredentials;
  }

  /**
   * Preflight cache seconds, or -1 when {@code Access-Control-Max-Age} is omitted.
   *
   * @return the max-age
   */
  public long maxAge() {
    return maxAge;
  }

  /**
   * Whether a cross-origin request from an origin that is not allowed gets 403.
   *
   * @return true in strict mode
   */
  public boolean rejectDisallowed() {
    return rejectDisallowed;
  }

  /**
   * Whether {@code Forwarded} and {@code X-Forwarded-*} count for the request's own origin.
   *
   * @return true behind a trusted proxy
   */
  public boolean trustForwardedHeaders() {
    return trustForwardedHeaders;
  }

  /**
   * Where each attribute was set (a configuration key, an annotation, or "built-in default").
   *
   * @param attribute the attribute
   * @return its source
   */
  public String sourceOf(Attribute attribute) {
    return source(attribute);
  }

  /**
   * This policy allowing only those of its methods that are among {@code within} ({@code *} is
   * kept: it answers with the requested method alone). Used where the methods of one path have
   * different policies: a browser caches {@code Access-Control-Allow-Methods} for the whole URL and
   * would send a listed method without its own preflight.
   *
   * @param within the methods that share this policy on a path
   * @return the narrowed policy, or this one where nothing is left out
   */
  public CorsPolicy withMethodsWithin(Collection<String> within) {
    Set<String> narrowed = new LinkedHashSet<>(methods);
    narrowed.retainAll(within);
    return narrowed.equals(methods) ? this : new CorsPolicy(this, narrowed);
  }

  /**
   * Whether another policy has the same rules: the same answer to every request, preflight or
   * actual. Where each attribute was set does not count.
   *
   * @param other another policy
   * @return true when they decide alike
   */
  public boolean hasSameRulesAs(CorsPolicy other) {
    return answersActualRequestsLike(other)
        && anyMethod == other.anyMethod
        && methods.equals(other.methods)
        && anyHeader == other.anyHeader
        && allowedHeaders.equals(other.allowedHeaders)
        && maxAge == other.maxAge
        && allowPrivateNetwork == other.allowPrivateNetwork;
  }

  /**
   * Whether another policy gives every actual (non-preflight) request the same answer as this one:
   * the same origins, credentials, exposed headers, strictness and trust in forwarded headers.
   * Policies that differ only in what preflights may ask for (methods, headers, max-age, private
   * network) answer actual requests alike.
   *
   * @param other another policy
   * @return true when their actual answers are the same
   */
  public boolean answersActualRequestsLike(CorsPolicy other) {
    return disabled == other.disabled
        && origins.items().equals(other.origins.items())
        && allowCredentials == other.allowCredentials
        && exposeAll == other.exposeAll
        && Objects.equals(exposeHeadersValue, other.exposeHeadersValue)
        && rejectDisallowed == other.rejectDisallowed
        && trustForwardedHeaders == other.trustForwardedHeaders;
  }

  /**
   * The {@code Vary} items of an actual response, whether or not it had an {@code Origin}.
   *
   * @return {@code Origin} where the answer depends on it, else null
   */
  public String actualVary() {
    return actualVary;
  }

  /** A one-line summary for the deployment log: each part with where it came from. */
  @Override
  public String toString() {
    if (disabled) {
      return "CORS disabled (" + source(Attribute.ORIGINS) + ")";
    }
    return "origins="
        + origins
        + " ("
        + source(Attribute.ORIGINS)
        + "), methods="
        + (anyMethod ? "*" : "[" + allowMethodsValue + "]")
        + " ("
        + source(Attribute.METHODS)
        + "), headers="
        + (anyHeader ? "*" : "[" + allowHeadersValue + "]")
        + " ("
        + source(Attribute.ALLOWED_HEADERS)
        + "), credentials="
        + allowCredentials
        + " ("
        + source(Attribute.ALLOW_CREDENTIALS)
        + "), max-age="
        + maxAge
        + " ("
        + source(Attribute.MAX_AGE)
        + ")";
  }

  /** Collects the attributes of a policy; {@link #build()} validates them. */
  public static final class Builder {
    private boolean disabled;
    private OriginMatcher origins = OriginMatcher.compile(List.of(), "built-in default");
    private List<String> methods = List.of("GET", "HEAD", "POST");
    private List<String> allowedHeaders = List.of("*");
    private List<String> exposedHeaders = List.of();
    private boolean allowCredentials;
    private long maxAge = 1800;
    private boolean allowPrivateNetwork;
    private boolean rejectDisallowed;
    private boolean trustForwardedHeaders;
    private final Map<Attribute, String> sources = new EnumMap<>(Attribute.class);

    private Builder() {}

    /**
     * Allowed origins (default: none).
     *
     * @param items exact origins, {@code *}, patterns or {@code null}
     * @param source where they were set
     * @return this
     */
    public Builder origins(List<String> items, String source) {
      this.origins = OriginMatcher.compile(items, source);
      sources.put(Attribute.ORIGINS, source);
      return this;
    }

    /**
     * Allowed methods, case-sensitive tokens or {@code *} (default: GET, HEAD, POST).
     *
     * @param items the methods
     * @param source where they were set
     * @return this
     */
    public Builder methods(List<String> items, String source) {
      this.methods = tokens(items, source, "method");
      sources.put(Attribute.METHODS, source);
      return this;
    }

    /**
     * Allowed request headers, or {@code *} (default: {@code *}).
     *
     * @param items the header names
     * @param source where they were set
     * @return this
     */
    public Builder allowedHeaders(List<String> items, String source) {
      this.allowedHeaders = tokens(items, source, "header name");
      sources.put(Attribute.ALLOWED_HEADERS, source);
      return this;
    }

    /**
     * Exposed response headers, or {@code *} (default: none).
     *
     * @param items the header names
     * @param source where they were set
     * @return this
     */
    public Builder exposedHeaders(List<String> items, String source) {
      this.exposedHeaders = tokens(items, source, "header name");
      sources.put(Attribute.EXPOSED_HEADERS, source);
      return this;
    }

    /**
     * Whether credentials are allowed (default: false).
     *
     * @param value the flag
     * @param source where it was set
     * @return this
     */
    public Builder allowCredentials(boolean value, String source) {
      this.allowCredentials = value;
      sources.put(Attribute.ALLOW_CREDENTIALS, source);
      return this;
    }

    /**
     * Preflight cache seconds, {@code -1} to omit the header (default: 1800).
     *
     * @param value the seconds
     * @param source where it was set
     * @return this
     */
    public Builder maxAge(long value, String source) {
      if (value < -1) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS max-age '"
                + value
                + "' in "
                + source
                + ": use seconds (0 or more), or -1 to omit Access-Control-Max-Age");
      }
      this.maxAge = value;
      sources.put(Attribute.MAX_AGE, source);
      return this;
    }

    /**
     * Whether Private Network Access preflights are allowed (default: false).
     *
     * @param value the flag
     * @param source where it was set
     * @return this
     */
    public Builder allowPrivateNetwork(boolean value, String source) {
      this.allowPrivateNetwork = value;
      sources.put(Attribute.ALLOW_PRIVATE_NETWORK, source);
      return this;
    }

    /**
     * Whether disallowed cross-origin requests get 403 (default: false).
     *
     * @param value the flag
     * @param source where it was set
     * @return this
     */
    public Builder rejectDisallowed(boolean value, String source) {
      this.rejectDisallowed = value;
      sources.put(Attribute.REJECT_DISALLOWED, source);
      return this;
    }

    /**
     * Whether forwarded headers count for the request's own origin (default: false).
     *
     * @param value the flag
     * @param source where it was set
     * @return this
     */
    public Builder trustForwardedHeaders(boolean value, String source) {
      this.trustForwardedHeaders = value;
      sources.put(Attribute.TRUST_FORWARDED_HEADERS, source);
      return this;
    }

    /**
     * Validates the combination and freezes it.
     *
     * @return the policy
     * @throws InvalidCorsConfigurationException when {@code *} origins meet credentials
     */
    public CorsPolicy build() {
      if (origins.allowsAny() && allowCredentials) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS policy: origins '*' (from "
                + sources.get(Attribute.ORIGINS)
                + ") cannot be combined with allow-credentials=true (from "
                + sources.get(Attribute.ALLOW_CREDENTIALS)
                + "): browsers refuse credentials with a wildcard origin; list the origins"
                + " instead");
      }
      return new CorsPolicy(this);
    }

    private static List<String> tokens(List<String> items, String source, String what) {
      List<String> out = new ArrayList<>();
      for (String raw : items) {
        String item = raw.strip();
        if (!isToken(item) || (item.contains("*") && !item.equals("*"))) {
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
}
