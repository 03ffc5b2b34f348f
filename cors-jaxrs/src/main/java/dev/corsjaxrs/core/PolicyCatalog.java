package dev.corsjaxrs.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The compiled policies of one deployment and what they share. Equal policies are one object; an
 * origin list is compiled once, however many policies hold it; policies that answer actual requests
 * alike share those answers; and the answers derived from request values (allowed preflights,
 * origins allowed by a pattern or {@code *}) live in two caches bounded for the whole deployment,
 * of {@link #CACHED_ANSWERS} entries each, that evict entries not read lately. Building happens at
 * deployment (synchronised); deciding reads the policies and writes only to those bounded caches
 * and to the origin checks' answers. No thread is started here.
 */
public final class PolicyCatalog {

  /** Most answers each of the deployment's two caches holds (preflights, actual requests). */
  public static final int CACHED_ANSWERS = 4096;

  private final Map<List<String>, OriginMatcher> matchers = new HashMap<>();
  private final Map<CorsPolicy, CorsPolicy> policies = new HashMap<>();
  private final Map<List<Object>, ActualAnswers> actualAnswers = new HashMap<>();
  private final BoundedCache<PreflightKey, CorsDecision> preflights;
  private final BoundedCache<String, ActualAnswers.Chain> actuals;
  private final CheckAnswers checkAnswers;

  /**
   * What an allowed preflight's answer depends on, each part normalised. A plain class rather than
   * a record: a record's {@code equals} is linked through a JDK-wide cache that can keep the
   * deployment's class loader after undeploy.
   */
  static final class PreflightKey {
    private final CorsPolicy policy;
    private final String origin;
    private final String method;
    private final String headers;
    private final boolean privateNetwork;

    PreflightKey(
        CorsPolicy policy, String origin, String method, String headers, boolean privateNetwork) {
      this.policy = policy;
      this.origin = origin;
      this.method = method;
      this.headers = headers;
      this.privateNetwork = privateNetwork;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PreflightKey key
          && key.policy == policy
          && key.privateNetwork == privateNetwork
          && Objects.equals(key.origin, origin)
          && Objects.equals(key.method, method)
          && Objects.equals(key.headers, headers);
    }

    @Override
    public int hashCode() {
      int hash = System.identityHashCode(policy);
      hash = 31 * hash + Objects.hashCode(origin);
      hash = 31 * hash + Objects.hashCode(method);
      hash = 31 * hash + Objects.hashCode(headers);
      return 31 * hash + (privateNetwork ? 1 : 0);
    }
  }

  /** Seconds an origin check's answer is reused, by default. */
  public static final long CHECK_ANSWER_SECONDS = 60;

  /** A catalog whose caches hold {@link #CACHED_ANSWERS} answers each. */
  public PolicyCatalog() {
    this(CACHED_ANSWERS, CHECK_ANSWER_SECONDS);
  }

  /**
   * A catalog with caches of another size.
   *
   * @param cachedAnswers most answers each cache holds
   * @param checkAnswerSeconds seconds an origin check's answer (yes or no) is reused; 0 asks the
   *     check on every request
   */
  public PolicyCatalog(int cachedAnswers, long checkAnswerSeconds) {
    this(cachedAnswers, checkAnswerSeconds, CheckAnswers.DEFAULT_CONCURRENT_CALLS);
  }

  /**
   * A catalog with caches of another size and another bound on concurrent origin-check calls.
   *
   * @param cachedAnswers most answers each cache holds
   * @param checkAnswerSeconds seconds an origin check's answer (yes or no) is reused; 0 asks the
   *     check on every request
   * @param concurrentChecks most request threads inside the origin checks at once, calling or
   *     waiting for another's call; beyond it a request's answer is "no"
   */
  public PolicyCatalog(int cachedAnswers, long checkAnswerSeconds, int concurrentChecks) {
    this.preflights = new BoundedCache<>(cachedAnswers);
    this.actuals = new BoundedCache<>(cachedAnswers);
    this.checkAnswers = new CheckAnswers(cachedAnswers, checkAnswerSeconds, concurrentChecks);
  }

  /**
   * Starts a policy of this catalog.
   *
   * @return a builder whose {@link PolicyBuilder#build()} returns this catalog's equal policy where
   *     there is one
   */
  public PolicyBuilder builder() {
    return new PolicyBuilder(this);
  }

  /**
   * How many distinct policies the catalog holds.
   *
   * @return the count
   */
  public synchronized int size() {
    return policies.size();
  }

  /**
   * How many answers its caches hold now.
   *
   * @return preflight answers plus actual answers beyond exactly listed origins
   */
  public int cachedAnswers() {
    return preflights.size() + actuals.size();
  }

  CheckAnswers checkAnswers() {
    return checkAnswers;
  }

  synchronized OriginMatcher origins(List<String> items, String source) {
    OriginMatcher matcher = matchers.get(items);
    if (matcher == null) {
      matcher = OriginMatcher.compile(items, source);
      matchers.put(List.copyOf(items), matcher);
    }
    return matcher;
  }

  synchronized CorsPolicy intern(CorsPolicy policy) {
    CorsPolicy known = policies.putIfAbsent(policy, policy);
    return known == null ? policy : known;
  }

  synchronized ActualAnswers actualAnswers(
      Object originCheck,
      OriginMatcher origins,
      boolean allowCredentials,
      String exposeHeadersValue,
      boolean exposeAll,
      String vary) {
    List<Object> key =
        Arrays.asList(originCheck, origins, allowCredentials, exposeHeadersValue, exposeAll, vary);
    return actualAnswers.computeIfAbsent(
        key,
        k ->
            new ActualAnswers(
                origins, allowCredentials, exposeHeadersValue, exposeAll, vary, actuals));
  }

  /**
   * A policy allowing only those of its methods that are among {@code within} ({@code *} is kept:
   * it answers with the requested method alone). Used where the methods of one path have different
   * policies: a browser caches {@code Access-Control-Allow-Methods} for the whole URL and would
   * send a listed method without its own preflight.
   *
   * @param policy a policy of this catalog
   * @param within the methods that share this policy on a path
   * @return the narrowed policy, or the policy itself where nothing is left out
   */
  public CorsPolicy withMethodsWithin(CorsPolicy policy, Collection<String> within) {
    Set<String> narrowed = new LinkedHashSet<>(policy.methods());
    narrowed.retainAll(within);
    return narrowed.equals(policy.methods()) ? policy : intern(policy.withMethods(narrowed));
  }

  BoundedCache<PreflightKey, CorsDecision> preflights() {
    return preflights;
  }
}
