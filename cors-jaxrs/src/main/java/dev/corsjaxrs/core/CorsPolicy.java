package dev.corsjaxrs.core;

import dev.corsjaxrs.CorsOriginCheck;
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
import java.util.function.Supplier;

/**
 * A resolved CORS policy, and the two decisions of the protocol: {@link #preflight} and {@link
 * #actual}. An immutable value: everything is checked and precomputed when it is built (at
 * deployment, by a {@link PolicyBuilder}); a decision only looks up and compares. The answers it
 * gives to allowed requests are kept by its {@link PolicyCatalog}, in tables sized by the
 * configuration or caches bounded for the whole deployment; refusals are never kept. Knows nothing
 * about HTTP frameworks.
 */
public final class CorsPolicy {

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
    /** The application's origin check. */
    ORIGIN_CHECK
  }

  /** An origin the policy allows, and until when: as long as the configuration, or a check says. */
  private record Allowed(Origin origin, long until) {}

  /**
   * Longest requested-header list (in characters, once normalised) whose answer is cached; longer
   * lists are decided anew each time, so that the cache's size stays bounded in bytes too.
   */
  static final int MAX_CACHED_HEADER_LIST = 512;

  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private final PolicyCatalog catalog;
  private final boolean disabled;
  private final OriginMatcher origins;
  private final boolean anyMethod;
  private final Set<String> methods;
  private final String allowMethodsValue;
  private final boolean anyHeader;
  private final Set<String> allowedHeaders;
  private final String allowHeadersValue;
  private final boolean exposeAll;
  private final String exposeHeadersValue;
  private final boolean allowCredentials;
  private final long maxAge;
  private final String maxAgeValue;
  private final boolean allowPrivateNetwork;
  private final boolean rejectDisallowed;
  private final CorsOriginCheck originCheck;
  private final String originCheckName;
  private final Map<Attribute, String> sources;
  private final String actualVary;
  private final String preflightVary;
  private final CorsDecision notCorsActual;
  private final CorsDecision notCorsPreflight;
  private final ActualAnswers actualAnswers;
  private final int hash;

  CorsPolicy(PolicyBuilder b) {
    this.catalog = b.catalog;
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
    this.allowCredentials = b.allowCredentials;
    this.exposeAll = b.exposedHeaders.contains("*");
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
    this.originCheck = b.disabled ? null : b.originCheck;
    this.originCheckName = originCheck == null ? null : b.originCheckName;
    this.sources = Collections.unmodifiableMap(new EnumMap<>(b.sources));
    this.actualVary =
        origins.isEmpty() && originCheck == null && !rejectDisallowed ? null : "Origin";
    this.preflightVary =
        allowPrivateNetwork
            ? PREFLIGHT_VARY + ", Access-Control-Request-Private-Network"
            : PREFLIGHT_VARY;
    this.notCorsActual = CorsDecision.notCors(actualVary);
    this.notCorsPreflight = CorsDecision.notCors(preflightVary);
    this.actualAnswers =
        catalog.actualAnswers(
            originCheck,
            origins,
            allowCredentials,
            exposeHeadersValue,
            exposeAll && allowCredentials,
            actualVary);
    this.hash = Objects.hash(disabled, origins, anyMethod, methods, allowedHeaders, sources);
  }

  /** A copy of {@code from} with other methods. */
  private CorsPolicy(CorsPolicy from, Set<String> methods) {
    this.catalog = from.catalog;
    this.disabled = from.disabled;
    this.origins = from.origins;
    this.anyMethod = from.anyMethod;
    this.methods = Collections.unmodifiableSet(methods);
    this.allowMethodsValue = String.join(", ", methods);
    this.anyHeader = from.anyHeader;
    this.allowedHeaders = from.allowedHeaders;
    this.allowHeadersValue = from.allowHeadersValue;
    this.allowCredentials = from.allowCredentials;
    this.exposeAll = from.exposeAll;
    this.exposeHeadersValue = from.exposeHeadersValue;
    this.maxAge = from.maxAge;
    this.maxAgeValue = from.maxAgeValue;
    this.allowPrivateNetwork = from.allowPrivateNetwork;
    this.rejectDisallowed = from.rejectDisallowed;
    this.originCheck = from.originCheck;
    this.originCheckName = from.originCheckName;
    this.sources = from.sources;
    this.actualVary = from.actualVary;
    this.preflightVary = from.preflightVary;
    this.notCorsActual = from.notCorsActual;
    this.notCorsPreflight = from.notCorsPreflight;
    this.actualAnswers = from.actualAnswers;
    this.hash = Objects.hash(disabled, origins, anyMethod, methods, allowedHeaders, sources);
  }

  /**
   * Starts a policy of its own catalog (for a policy used alone; a deployment builds all of its
   * policies from one {@link PolicyCatalog}).
   *
   * @return a builder
   */
  public static PolicyBuilder builder() {
    return new PolicyCatalog().builder();
  }

  /**
   * Decides a preflight: an {@code OPTIONS} request with {@code Origin} and {@code
   * Access-Control-Request-Method}.
   *
   * @param request the request
   * @return the headers of a 2xx answer, a refusal to answer with 403, or {@link
   *     CorsDecision.Outcome#NOT_CORS} for a same-origin request from an origin that is not allowed
   */
  public CorsDecision preflight(CorsRequest request) {
    if (disabled) {
      return refusedPreflight(
          Refusal.CORS_DISABLED, () -> "CORS is disabled here by " + source(Attribute.ORIGINS));
    }
    List<String> lines = request.origins();
    List<String> headerLines = request.requestHeaders();
    String method = request.requestMethod();
    boolean privateNetwork = "true".equals(request.requestPrivateNetwork());
    if (lines.size() == 1 && headerLines.size() <= 1) {
      // A browser sends every value in its normalised form: found as sent.
      CorsDecision known =
          catalog
              .preflights()
              .get(
                  new PolicyCatalog.PreflightKey(
                      this,
                      lines.get(0),
                      method,
                      headerLines.isEmpty() ? "" : headerLines.get(0),
                      privateNetwork));
      if (known != null) {
        return known;
      }
    }
    Object checked = checkOrigin(request, preflightVary, notCorsPreflight);
    if (checked instanceof CorsDecision decision) {
      return decision;
    }
    Origin origin = ((Allowed) checked).origin();
    boolean keep = ((Allowed) checked).until() == ActualAnswers.FOREVER;
    if (method == null || !HttpSyntax.isToken(method)) {
      return refusedPreflight(
          Refusal.METHOD_INVALID,
          () ->
              "Access-Control-Request-Method '"
                  + HttpSyntax.printable(method)
                  + "' is not a method token");
    }
    if (!anyMethod && !methods.contains(method)) {
      return refusedPreflight(
          Refusal.METHOD_NOT_ALLOWED,
          () ->
              "method "
                  + HttpSyntax.printable(method)
                  + " is not allowed: only "
                  + (methods.isEmpty() ? "none" : allowMethodsValue)
                  + " (from "
                  + source(Attribute.METHODS)
                  + ")");
    }
    HeaderList requested = HeaderList.parse(headerLines);
    if (requested.invalid() != null) {
      return refusedPreflight(
          Refusal.HEADER_INVALID,
          () ->
              "Access-Control-Request-Headers holds '"
                  + HttpSyntax.printable(requested.invalid())
                  + "', not a header name");
    }
    if (!anyHeader) {
      for (String name : requested.names()) {
        if (!allowedHeaders.contains(name)) {
          return refusedPreflight(
              Refusal.HEADER_NOT_ALLOWED,
              () ->
                  "header "
                      + HttpSyntax.printable(name)
                      + " is not allowed: only "
                      + (allowedHeaders.isEmpty() ? "none" : allowHeadersValue)
                      + " (from "
                      + source(Attribute.ALLOWED_HEADERS)
                      + ")");
        }
      }
    }
    if (privateNetwork && !allowPrivateNetwork) {
      return refusedPreflight(
          Refusal.PRIVATE_NETWORK_NOT_ALLOWED,
          () ->
              "private network access is not allowed (from "
                  + source(Attribute.ALLOW_PRIVATE_NETWORK)
                  + ")");
    }
    PolicyCatalog.PreflightKey key =
        keep && requested.key().length() <= MAX_CACHED_HEADER_LIST
            ? new PolicyCatalog.PreflightKey(
                this,
                sameOrSerialized(lines.get(0), origin.toString()),
                method,
                headerLines.size() == 1
                    ? sameOrSerialized(headerLines.get(0), requested.key())
                    : requested.key(),
                privateNetwork)
            : null;
    CorsDecision known = key == null ? null : catalog.preflights().get(key);
    if (known != null) {
      return known; // sent in another spelling before
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CorsHeaders.ALLOW_ORIGIN, allowOriginFor(origin.toString()));
    if (allowCredentials) {
      headers.put(CorsHeaders.ALLOW_CREDENTIALS, "true");
    }
    headers.put(CorsHeaders.ALLOW_METHODS, anyMethod ? method : allowMethodsValue);
    if (!requested.names().isEmpty()) {
      headers.put(CorsHeaders.ALLOW_HEADERS, allowHeadersFor(requested.names()));
    }
    if (maxAgeValue != null) {
      headers.put(CorsHeaders.MAX_AGE, maxAgeValue);
    }
    if (privateNetwork) {
      headers.put(CorsHeaders.ALLOW_PRIVATE_NETWORK, "true");
    }
    CorsDecision decision = CorsDecision.allowed(headers, preflightVary, false);
    if (key != null) {
      catalog.preflights().put(key, decision);
    }
    return decision;
  }

  /**
   * The value as sent where it equals its normalised form, else that form: a key built from the
   * very strings of a request is compared fastest by the next request that sends them.
   */
  private static String sameOrSerialized(String sent, String normalised) {
    return sent.equals(normalised) ? sent : normalised;
  }

  private CorsDecision refusedPreflight(Refusal refusal, Supplier<String> why) {
    return CorsDecision.refused(preflightVary, refusal, why);
  }

  /**
   * Decides an actual request (anything but a preflight). An allowed origin always gets its answer,
   * whether or not the request is same-origin (a browser ignores CORS headers there); an origin
   * that is not allowed is refused unless the request is same-origin.
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
    if (!disabled && lines.size() == 1) {
      CorsDecision known = actualAnswers.known(lines.get(0));
      if (known != null) {
        return known;
      }
    }
    Object checked = checkOrigin(request, actualVary, notCorsActual);
    if (checked instanceof CorsDecision decision) {
      return decision;
    }
    Allowed allowed = (Allowed) checked;
    return actualAnswers.allow(lines.get(0), allowed.origin().toString(), allowed.until());
  }

  /**
   * Checks the {@code Origin} lines of a request that has at least one.
   *
   * @return the {@link Allowed} origin, or else the decision: a refusal, or not CORS for a
   *     same-origin request
   */
  private Object checkOrigin(CorsRequest request, String vary, CorsDecision notCors) {
    List<String> lines = request.origins();
    if (lines.size() != 1) {
      return CorsDecision.refused(
          vary,
          Refusal.ORIGIN_INVALID,
          () -> "the request has " + lines.size() + " Origin headers");
    }
    String header = lines.get(0);
    Optional<Origin> parsed = Origin.parse(header);
    if (parsed.isEmpty()) {
      return CorsDecision.refused(
          vary,
          Refusal.ORIGIN_INVALID,
          () -> "Origin '" + HttpSyntax.printable(header) + "' is not an origin");
    }
    Origin origin = parsed.get();
    if (!disabled && origins.allows(origin)) {
      return new Allowed(origin, ActualAnswers.FOREVER);
    }
    String serialized = origin.toString();
    if (originCheck != null && !origin.isNull()) {
      long until = catalog.checkAnswers().allowedUntil(originCheck, originCheckName, serialized);
      if (until != CheckAnswers.NO) {
        return new Allowed(origin, until);
      }
    }
    if ("same-origin".equals(request.secFetchSite()) || serialized.equals(request.ownOrigin())) {
      return notCors;
    }
    if (disabled) {
      return CorsDecision.refused(
          vary,
          Refusal.CORS_DISABLED,
          () -> "CORS is disabled here by " + source(Attribute.ORIGINS));
    }
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
                + ")"
                + (originCheck == null
                    ? ""
                    : ", nor by check "
                        + originCheckName
                        + " (from "
                        + source(Attribute.ORIGIN_CHECK)
                        + ")"));
  }

  /** At most five items of a list, for a log line: allow-lists may hold thousands. */
  private static String summary(List<String> items) {
    return items.size() <= 5
        ? items.toString()
        : "[" + String.join(", ", items.subList(0, 5)) + ", ... " + (items.size() - 5) + " more]";
  }

  /** {@code *} where any origin is allowed (never with credentials: build() refuses that). */
  private String allowOriginFor(String origin) {
    return origins.allowsAny() && !origin.equals("null") ? "*" : origin;
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
    return narrowed.equals(methods) ? this : catalog.intern(new CorsPolicy(this, narrowed));
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
        && allowHeadersValue.equals(other.allowHeadersValue)
        && maxAge == other.maxAge
        && allowPrivateNetwork == other.allowPrivateNetwork;
  }

  /**
   * Whether another policy gives every actual (non-preflight) request the same answer as this one:
   * the same origins, origin check, credentials, exposed headers and strictness. Policies that
   * differ only in what preflights may ask for (methods, headers, max-age, private network) answer
   * actual requests alike.
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
        && originCheck == other.originCheck;
  }

  /**
   * The {@code Vary} items of an actual response, whether or not it had an {@code Origin}.
   *
   * @return {@code Origin} where the answer depends on it, else null
   */
  public String actualVary() {
    return actualVary;
  }

  /** Equal rules from the same sources: one policy of a catalog. */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof CorsPolicy other
            && hash == other.hash
            && origins == other.origins
            && hasSameRulesAs(other)
            && sources.equals(other.sources);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** A one-line summary for the deployment log: each part with where it came from. */
  @Override
  public String toString() {
    if (disabled) {
      return "CORS disabled (" + source(Attribute.ORIGINS) + ")";
    }
    return "origins="
        + summary(origins.items())
        + (originCheck == null ? "" : " + check " + originCheckName)
        + " ("
        + source(Attribute.ORIGINS)
        + (originCheck == null ? "" : "; check from " + source(Attribute.ORIGIN_CHECK))
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
}
