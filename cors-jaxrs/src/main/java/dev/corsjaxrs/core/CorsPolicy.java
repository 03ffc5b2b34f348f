package dev.corsjaxrs.core;

import dev.corsjaxrs.CorsOriginCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

  /**
   * Longest requested-header list (in characters, once normalised) whose answer is cached; longer
   * lists are decided anew each time, so that the cache's size stays bounded in bytes too.
   */
  static final int MAX_CACHED_HEADER_LIST = 512;

  private static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  final BoundedCache<PolicyCatalog.PreflightKey, CorsDecision> preflightAnswers;
  final CheckAnswers checkAnswers;
  final boolean disabled;
  final OriginMatcher origins;
  final boolean anyMethod;
  final Set<String> methods;
  final String allowMethodsValue;
  final boolean anyHeader;
  final Set<String> allowedHeaders;
  final String allowHeadersValue;
  final boolean exposeAll;
  final String exposeHeadersValue;
  final boolean allowCredentials;
  final long maxAge;
  final String maxAgeValue;
  final boolean allowPrivateNetwork;
  final boolean rejectDisallowed;
  final boolean reportDisallowed;
  final CorsOriginCheck originCheck;
  final String originCheckName;
  final String telemetryName;
  final Map<Attribute, String> sources;
  final String actualVary;
  final String preflightVary;
  final CorsDecision notCorsActual;
  final CorsDecision notCorsPreflight;
  final ActualAnswers actualAnswers;
  final int hash;

  CorsPolicy(PolicyBuilder b) {
    this.preflightAnswers = b.catalog.preflights();
    this.checkAnswers = b.catalog.checkAnswers();
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
    this.reportDisallowed = b.reportDisallowed;
    this.originCheck = b.disabled ? null : b.originCheck;
    this.originCheckName = originCheck == null ? null : b.originCheckName;
    this.telemetryName = b.disabled ? "disabled" : b.telemetryName;
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
        b.catalog.actualAnswers(
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
    this.preflightAnswers = from.preflightAnswers;
    this.checkAnswers = from.checkAnswers;
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
    this.reportDisallowed = from.reportDisallowed;
    this.originCheck = from.originCheck;
    this.originCheckName = from.originCheckName;
    this.telemetryName = from.telemetryName;
    this.sources = from.sources;
    this.actualVary = from.actualVary;
    this.preflightVary = from.preflightVary;
    this.notCorsActual = from.notCorsActual;
    this.notCorsPreflight = from.notCorsPreflight;
    this.actualAnswers = from.actualAnswers;
    this.hash = Objects.hash(disabled, origins, anyMethod, methods, allowedHeaders, sources);
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
    return Preflights.decide(this, request);
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
    return ActualAnswers.decide(this, request);
  }

  /** {@code *} where any origin is allowed (never with credentials: build() refuses that). */
  String allowOriginFor(String origin) {
    return origins.allowsAny() && !origin.equals("null") ? "*" : origin;
  }

  /** Whether {@code @CorsDisabled} turned CORS off here. */
  public boolean isDisabled() {
    return disabled;
  }

  /** The allowed origins. */
  public OriginMatcher origins() {
    return origins;
  }

  /**
   * The allowed methods, {@code HEAD} added wherever {@code GET} is; empty with {@link
   * #allowsAnyMethod()}.
   */
  public Set<String> methods() {
    return methods;
  }

  /** Whether any method is allowed ({@code *}). */
  public boolean allowsAnyMethod() {
    return anyMethod;
  }

  /** Whether credentials are allowed. */
  public boolean allowCredentials() {
    return allowCredentials;
  }

  /** Preflight cache seconds, or -1 when {@code Access-Control-Max-Age} is omitted. */
  public long maxAge() {
    return maxAge;
  }

  /** Whether a cross-origin request from an origin that is not allowed gets 403. */
  public boolean rejectDisallowed() {
    return rejectDisallowed;
  }

  /**
   * Whether requests that strict mode would refuse are reported ({@code reject-disallowed=report})
   * and answered as without it.
   */
  public boolean reportDisallowed() {
    return reportDisallowed;
  }

  /**
   * How the {@code cors.requests} counter names this policy: {@code disabled}, {@code annotation},
   * a named policy's name, or {@code global}.
   */
  public String telemetryName() {
    return telemetryName;
  }

  /** Whether strict mode decides here, refusing ({@code true}) or reporting ({@code report}). */
  boolean guardsCrossSite() {
    return rejectDisallowed || reportDisallowed;
  }

  /**
   * Where each attribute was set (a configuration key, an annotation, or "built-in default").
   *
   * @param attribute the attribute
   * @return its source
   */
  public String sourceOf(Attribute attribute) {
    return sources.getOrDefault(attribute, "built-in default");
  }

  /** This policy with other methods, for {@link PolicyCatalog#withMethodsWithin}. */
  CorsPolicy withMethods(Set<String> narrowed) {
    return new CorsPolicy(this, narrowed);
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
        && reportDisallowed == other.reportDisallowed
        && originCheck == other.originCheck;
  }

  /** The {@code Vary} items of an actual response, whether or not it had an {@code Origin}. */
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
            && sources.equals(other.sources)
            && telemetryName.equals(other.telemetryName);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** A one-line summary for the deployment log: each part with where it came from. */
  @Override
  public String toString() {
    return PolicyDescription.of(this);
  }
}
