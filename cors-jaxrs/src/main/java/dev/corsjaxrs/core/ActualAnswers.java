package dev.corsjaxrs.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers to actual requests from allowed origins, shared by every policy that answers actual
 * requests alike (same origins, credentials and exposed headers). An exactly listed origin's answer
 * is kept in a table sized by the list; any other allowed origin's (a pattern match, {@code *}) in
 * the application's bounded cache. Both are keyed by the serialized origin: a browser sends exactly
 * that, so its requests find the answer without parsing, and other spellings of one origin share
 * it.
 */
final class ActualAnswers {

  /** The answers of several policies to one origin, in the application's cache. */
  record Chain(ActualAnswers owner, CorsDecision decision, long until, Chain next) {

    /**
     * Whether this answer may still be given: always, but for an origin check's "yes", whose time
     * limit costs one clock read.
     */
    boolean current() {
      return until == FOREVER || until - System.nanoTime() > 0;
    }

    /** This chain without the owner's answer. */
    Chain without(ActualAnswers owner) {
      if (this.owner == owner) {
        return next;
      }
      return next == null ? this : new Chain(this.owner, decision, until, next.without(owner));
    }
  }

  /** The time limit of an answer that holds as long as the configuration. */
  static final long FOREVER = Long.MAX_VALUE;

  private final OriginMatcher origins;
  private final boolean allowCredentials;
  private final String exposeHeadersValue;
  private final boolean exposeAllResponseHeaders;
  private final String vary;
  private final ConcurrentHashMap<String, CorsDecision> listed = new ConcurrentHashMap<>();
  private final BoundedCache<String, Chain> shared;
  private final CorsDecision anyOrigin;

  ActualAnswers(
      OriginMatcher origins,
      boolean allowCredentials,
      String exposeHeadersValue,
      boolean exposeAllResponseHeaders,
      String vary,
      BoundedCache<String, Chain> shared) {
    this.origins = origins;
    this.allowCredentials = allowCredentials;
    this.exposeHeadersValue = exposeHeadersValue;
    this.exposeAllResponseHeaders = exposeAllResponseHeaders;
    this.vary = vary;
    this.shared = shared;
    this.anyOrigin = origins.allowsAny() ? answer("*") : null;
  }

  /**
   * Decides an actual request ({@link CorsPolicy#actual}): an answer already given to the origin as
   * sent, else the origin's verdict, an allowed answer being kept.
   *
   * @param policy the request's policy
   * @param request the request
   * @return the decision
   */
  static CorsDecision decide(CorsPolicy policy, CorsRequest request) {
    List<String> lines = request.origins();
    if (lines.isEmpty()) {
      return policy.notCorsActual;
    }
    ActualAnswers answers = policy.actualAnswers;
    if (!policy.disabled && lines.size() == 1) {
      CorsDecision known = answers.known(lines.get(0));
      if (known != null) {
        return known;
      }
    }
    OriginVerdict verdict =
        OriginVerdict.of(policy, request, policy.actualVary, policy.notCorsActual);
    return verdict.decision != null
        ? verdict.decision
        : answers.allow(lines.get(0), verdict.origin.toString(), verdict.until);
  }

  /**
   * The answer already given to an {@code Origin} value.
   *
   * @param header the raw header value
   * @return the answer, or null when that value was not answered before (or not as sent)
   */
  CorsDecision known(String header) {
    CorsDecision answer = listed.get(header);
    if (answer != null) {
      return answer;
    }
    for (Chain chain = shared.get(header); chain != null; chain = chain.next()) {
      if (chain.owner() == this) {
        return chain.current() ? chain.decision() : null;
      }
    }
    return null;
  }

  /**
   * The answer to an allowed origin, remembered for its next request until {@code until}.
   *
   * @param header the {@code Origin} value as sent
   * @param origin its serialization, allowed
   * @param until {@link #FOREVER} where the configured origins allow it; else the {@link
   *     System#nanoTime()} until which the origin check's "yes" may be reused
   * @return the answer
   */
  CorsDecision allow(String header, String origin, long until) {
    // Keyed by the value as sent where it is the serialization: the next request's lookup then
    // often finds the very same string.
    String key = header.equals(origin) ? header : origin;
    if (until == FOREVER && origins.listsExactly(origin)) {
      return listed.computeIfAbsent(key, k -> answer(origin));
    }
    CorsDecision known = known(origin);
    if (known != null) {
      return known; // sent in another spelling before
    }
    CorsDecision answer = anyOrigin != null && !origin.equals("null") ? anyOrigin : answer(origin);
    if (until == FOREVER || until - System.nanoTime() > 0) {
      shared.update(
          key, chain -> new Chain(this, answer, until, chain == null ? null : chain.without(this)));
    }
    return answer;
  }

  private CorsDecision answer(String allowOrigin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CorsHeaders.ALLOW_ORIGIN, allowOrigin);
    if (allowCredentials) {
      headers.put(CorsHeaders.ALLOW_CREDENTIALS, "true");
    }
    if (exposeHeadersValue != null) {
      headers.put(CorsHeaders.EXPOSE_HEADERS, exposeHeadersValue);
    }
    return CorsDecision.allowed(headers, vary, exposeAllResponseHeaders);
  }
}
