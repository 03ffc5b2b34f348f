package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.config.ResourcePolicy;
import dev.corsjaxrs.core.CorsPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Which policy answers a request that Jakarta REST has not matched yet (a preflight, an actual
 * request in strict mode, a request no resource serves): looks the path up the way Jakarta REST
 * matches it, root resource class first, then its resource methods and sub-resource locators,
 * through the locators' classes where their declared return type names one. Where a candidate leads
 * nowhere, the next is tried, as Jersey does. Built by {@link ResourceScanner} at deployment; at
 * run time it only reads an immutable snapshot, sized by the application: paths of routes without
 * variables are found with one hash probe, others are matched against the root resources their
 * first segment can belong to. Nothing a request sends is remembered.
 *
 * <p>Where the answer cannot be known before matching, it fails closed: below a locator whose class
 * is only known when it runs, and, once the runtime is seen serving a method at a path its
 * annotations do not name, on paths no known resource serves.
 */
final class RouteTable {

  /** What a lookup reads, replaced as a whole when a root resource is added. */
  private static final class Snapshot {
    final List<Route> roots;
    final Map<String, Route> literalPaths;
    final Map<String, List<Route>> rootsByFirstSegment;
    final List<Route> rootsForAnyPath;

    Snapshot(
        List<Route> roots,
        Map<String, Route> literalPaths,
        Map<String, List<Route>> rootsByFirstSegment,
        List<Route> rootsForAnyPath) {
      this.roots = roots;
      this.literalPaths = literalPaths;
      this.rootsByFirstSegment = rootsByFirstSegment;
      this.rootsForAnyPath = rootsForAnyPath;
    }
  }

  private final PolicyResolver resolver;
  private final boolean trustForwardedHeaders;
  private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of(), List.of());

  /** The first policy noted; the others are compared with it. */
  private volatile CorsPolicy firstPolicy;

  private volatile boolean uniformVary = true;
  private volatile boolean uniformActual = true;
  private volatile boolean strictPolicy;

  /** Set once the runtime serves a method at a path this table does not know. */
  private volatile String unseenPaths;

  RouteTable(PolicyResolver resolver) {
    this.resolver = resolver;
    this.trustForwardedHeaders = resolver.trustForwardedHeaders();
    resolver.pathPolicies().forEach(this::note);
  }

  /** Compares each policy a resource can take with the first; called at deployment only. */
  void note(ResourcePolicy policies) {
    policies.all().forEach(this::note);
  }

  /** Compares one more policy with the first; called at deployment only. */
  synchronized void note(CorsPolicy policy) {
    strictPolicy |= policy.rejectDisallowed();
    if (firstPolicy == null) {
      firstPolicy = policy;
      return;
    }
    uniformVary &= Objects.equals(firstPolicy.actualVary(), policy.actualVary());
    uniformActual &= firstPolicy.answersActualRequestsLike(policy);
  }

  /**
   * Notes that the runtime serves a resource method at a path that no route here names (a Jersey
   * {@code ModelProcessor} added it again, for instance): from then on, a request no known route
   * serves is answered as if {@code @CorsDisabled}, since the method that serves it is unknown.
   *
   * @param place the method, for the refusal sentence
   * @return true the first time
   */
  synchronized boolean markUnseenPaths(String place) {
    if (unseenPaths != null) {
      return false;
    }
    unseenPaths = place;
    return true;
  }

  /**
   * Adds a root resource and rebuilds the snapshot; called at deployment only.
   *
   * @param root the root resource, as made by {@link Route#resource}
   */
  synchronized void add(Route root) {
    List<Route> roots = new ArrayList<>(snapshot.roots);
    roots.add(root);
    roots.sort(Route::compareTo);
    List<Route> forAnyPath = new ArrayList<>();
    Map<String, List<Route>> byFirstSegment = new HashMap<>();
    for (Route candidate : roots) {
      String first = candidate.template.literalFirstSegment();
      if (first == null) {
        forAnyPath.add(candidate);
      } else {
        byFirstSegment.putIfAbsent(first, new ArrayList<>());
      }
    }
    for (Map.Entry<String, List<Route>> entry : byFirstSegment.entrySet()) {
      for (Route candidate : roots) {
        String first = candidate.template.literalFirstSegment();
        if (first == null || first.equals(entry.getKey())) {
          entry.getValue().add(candidate);
        }
      }
      entry.setValue(List.copyOf(entry.getValue()));
    }
    Snapshot partial =
        new Snapshot(List.copyOf(roots), Map.of(), Map.copyOf(byFirstSegment), forAnyPath);
    Map<String, Route> literalPaths = new HashMap<>();
    for (Route candidate : roots) {
      addLiteralPaths(partial, candidate, "", literalPaths);
    }
    snapshot =
        new Snapshot(
            partial.roots,
            Map.copyOf(literalPaths),
            partial.rootsByFirstSegment,
            List.copyOf(forAnyPath));
  }

  /** Finds, once, the route of every path that is literal text all the way from the root. */
  private static void addLiteralPaths(
      Snapshot snapshot, Route route, String prefix, Map<String, Route> literalPaths) {
    if (!route.template.isLiteral()) {
      return;
    }
    String path = PathTemplate.joinEncoded(prefix, route.template.template());
    if (route.subRoutes == null) {
      if (!route.template.isPrefix() && !literalPaths.containsKey(path)) {
        Route matched = match(snapshot, path);
        if (matched != null) {
          literalPaths.put(path, matched);
        }
      }
      return;
    }
    for (Route sub : route.subRoutes) {
      addLiteralPaths(snapshot, sub, path, literalPaths);
    }
  }

  /**
   * The policy for a request.
   *
   * @param path the request path relative to the application base, without leading slash and
   *     without matrix parameters ({@link PathTemplate#withoutMatrixParameters})
   * @param method the method of the actual request
   * @return the policy; never null
   */
  CorsPolicy lookup(String path, String method) {
    Route route = route(path);
    if (route != null) {
      return resolver.choose(route.policyFor(method), path);
    }
    String unseen = unseenPaths;
    return unseen == null ? resolver.forPath(path) : resolver.forUnseenPath(path, unseen);
  }

  /**
   * The route Jakarta REST would pick for a path, before matching.
   *
   * @param path as for {@link #lookup}
   * @return the route (a resource method path or a locator of unknown class), or null
   */
  Route route(String path) {
    Snapshot current = snapshot;
    Route route = current.literalPaths.get(path);
    return route != null ? route : match(current, path);
  }

  /** The route Jakarta REST would pick for a path, or null. */
  private static Route match(Snapshot snapshot, String path) {
    int slash = path.indexOf('/');
    List<Route> candidates =
        snapshot.rootsByFirstSegment.getOrDefault(
            slash < 0 ? path : path.substring(0, slash), snapshot.rootsForAnyPath);
    return match(candidates, path);
  }

  /**
   * The first route, in Jakarta REST's order, that serves the path; a resource's routes are tried
   * with what its template leaves of the path, and where none serves it the next candidate is tried
   * (Jersey's fall-through; a runtime that does not fall through answers 404 there).
   */
  private static Route match(List<Route> candidates, String path) {
    for (Route route : candidates) {
      Matcher matcher = route.template.matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      if (route.subRoutes == null) {
        return route;
      }
      Route found = match(route.subRoutes, PathTemplate.rest(matcher));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * Whether {@code Forwarded} and {@code X-Forwarded-*} count for a request's own origin, for the
   * whole deployment.
   *
   * @return true behind a trusted proxy
   */
  boolean trustForwardedHeaders() {
    return trustForwardedHeaders;
  }

  /**
   * The policy that answers every actual request of the application, where all policies answer
   * actual requests alike (the common case of a global configuration): actual requests then need no
   * route lookup.
   *
   * @return that policy, or null where policies differ
   */
  CorsPolicy uniformActualPolicy() {
    return uniformActual ? firstPolicy : null;
  }

  /**
   * Whether some policy refuses disallowed origins with 403 (strict mode), so that actual requests
   * must be decided before the resource runs.
   *
   * @return true where some policy is strict
   */
  boolean hasStrictPolicy() {
    return strictPolicy;
  }

  /**
   * Whether every policy of the application answers a request without {@code Origin} with the same
   * {@code Vary} items, so that such requests need no route lookup.
   *
   * @return true where {@link #anyPolicy()} answers every request without Origin
   */
  boolean hasUniformVary() {
    return uniformVary;
  }

  /**
   * One policy of the application, for requests without {@code Origin} where {@link
   * #hasUniformVary()}: every policy answers those alike.
   *
   * @return the first policy noted
   */
  CorsPolicy anyPolicy() {
    return firstPolicy;
  }
}
