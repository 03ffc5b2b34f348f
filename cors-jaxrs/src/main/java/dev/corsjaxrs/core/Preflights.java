package dev.corsjaxrs.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A policy's answer to a preflight, in the order of the Fetch standard's checks: origin (listed, or
 * the origin check's), method, requested headers, private network; an allowed answer is kept in the
 * deployment's bounded cache under its normalised values.
 */
final class Preflights {

  private Preflights() {}

  /**
   * Decides a preflight ({@link CorsPolicy#preflight}).
   *
   * @param policy the policy
   * @param request the preflight
   * @return the decision
   */
  static CorsDecision decide(CorsPolicy policy, CorsRequest request) {
    if (policy.disabled) {
      return refused(
          policy,
          Refusal.CORS_DISABLED,
          () -> "CORS is disabled here by " + policy.sourceOf(CorsPolicy.Attribute.ORIGINS));
    }
    List<String> lines = request.origins();
    List<String> headerLines = request.requestHeaders();
    String method = request.requestMethod();
    boolean privateNetwork = "true".equals(request.requestPrivateNetwork());
    if (lines.size() == 1 && headerLines.size() <= 1) {
      // A browser sends every value in its normalised form: found as sent.
      CorsDecision known =
          policy.preflightAnswers.get(
              new PolicyCatalog.PreflightKey(
                  policy,
                  lines.get(0),
                  method,
                  headerLines.isEmpty() ? "" : headerLines.get(0),
                  privateNetwork));
      if (known != null) {
        return known;
      }
    }
    OriginVerdict verdict =
        OriginVerdict.of(policy, request, policy.preflightVary, policy.notCorsPreflight);
    if (verdict.decision != null) {
      return verdict.decision;
    }
    Origin origin = verdict.origin;
    boolean keep = verdict.until == ActualAnswers.FOREVER;
    if (method == null || !HttpSyntax.isToken(method)) {
      return refused(
          policy,
          Refusal.METHOD_INVALID,
          () ->
              "Access-Control-Request-Method '"
                  + HttpSyntax.printable(method)
                  + "' is not a method token");
    }
    if (!policy.anyMethod && !policy.methods.contains(method)) {
      return refused(
          policy,
          Refusal.METHOD_NOT_ALLOWED,
          () ->
              notAllowed(
                  "method " + HttpSyntax.printable(method),
                  policy.methods.isEmpty() ? "none" : policy.allowMethodsValue,
                  policy.sourceOf(CorsPolicy.Attribute.METHODS)));
    }
    HeaderList requested = HeaderList.parse(headerLines);
    if (requested.invalid() != null) {
      return refused(
          policy,
          Refusal.HEADER_INVALID,
          () ->
              "Access-Control-Request-Headers holds '"
                  + HttpSyntax.printable(requested.invalid())
                  + "', not a header name");
    }
    if (!policy.anyHeader) {
      for (String name : requested.names()) {
        if (!policy.allowedHeaders.contains(name)) {
          return refused(
              policy,
              Refusal.HEADER_NOT_ALLOWED,
              () ->
                  notAllowed(
                      "header " + HttpSyntax.printable(name),
                      policy.allowedHeaders.isEmpty() ? "none" : policy.allowHeadersValue,
                      policy.sourceOf(CorsPolicy.Attribute.ALLOWED_HEADERS)));
        }
      }
    }
    if (privateNetwork && !policy.allowPrivateNetwork) {
      return refused(
          policy,
          Refusal.PRIVATE_NETWORK_NOT_ALLOWED,
          () ->
              "private network access is not allowed (from "
                  + policy.sourceOf(CorsPolicy.Attribute.ALLOW_PRIVATE_NETWORK)
                  + ")");
    }
    PolicyCatalog.PreflightKey key =
        keep && requested.key().length() <= CorsPolicy.MAX_CACHED_HEADER_LIST
            ? new PolicyCatalog.PreflightKey(
                policy,
                sameOrSerialized(lines.get(0), origin.toString()),
                method,
                headerLines.size() == 1
                    ? sameOrSerialized(headerLines.get(0), requested.key())
                    : requested.key(),
                privateNetwork)
            : null;
    CorsDecision known = key == null ? null : policy.preflightAnswers.get(key);
    if (known != null) {
      return known; // sent in another spelling before
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CorsHeaders.ALLOW_ORIGIN, policy.allowOriginFor(origin.toString()));
    if (policy.allowCredentials) {
      headers.put(CorsHeaders.ALLOW_CREDENTIALS, "true");
    }
    headers.put(CorsHeaders.ALLOW_METHODS, policy.anyMethod ? method : policy.allowMethodsValue);
    if (!requested.names().isEmpty()) {
      headers.put(CorsHeaders.ALLOW_HEADERS, allowHeadersFor(policy, requested.names()));
    }
    if (policy.maxAgeValue != null) {
      headers.put(CorsHeaders.MAX_AGE, policy.maxAgeValue);
    }
    if (privateNetwork) {
      headers.put(CorsHeaders.ALLOW_PRIVATE_NETWORK, "true");
    }
    CorsDecision decision = CorsDecision.allowed(headers, policy.preflightVary, false);
    if (key != null) {
      policy.preflightAnswers.put(key, decision);
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

  /** The sentence of a refused method or header: what, what is allowed, and where that was set. */
  private static String notAllowed(String what, String allowed, String source) {
    return what + " is not allowed: only " + allowed + " (from " + source + ")";
  }

  private static CorsDecision refused(CorsPolicy policy, Refusal refusal, Supplier<String> why) {
    return CorsDecision.refused(policy.preflightVary, refusal, why);
  }

  /**
   * The {@code Access-Control-Allow-Headers} value for allowed requested headers. A literal {@code
   * *} is read as a wildcard only without credentials, and never covers {@code Authorization}: list
   * the requested names wherever {@code *} alone would fail.
   */
  private static String allowHeadersFor(CorsPolicy policy, List<String> requested) {
    if (!policy.anyHeader) {
      return policy.allowHeadersValue;
    }
    if (policy.allowCredentials || requested.contains("authorization")) {
      return String.join(", ", requested);
    }
    return "*";
  }
}
