package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.core.CorsPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which policy answers a request that Jakarta REST has not matched yet (a preflight, an actual
 * request in strict mode, a request no resource serves): looks the path up the way Jakarta REST
 * matches it (root resource class first, then the resource method or sub-resource locator). Built
 * by {@link ResourceScanner} at deployment; at run time it only reads an immutable snapshot, sized
 * by the application: paths of routes without variables are found with one hash probe, others are
 * matched against the root resources their first segment can belong to. Nothing a request sends is
 * remembered. Requests no resource serves get the policy of their path.
 */
final class RouteTable {

  /** One path of a root resource, with the policy of each method it implements. */
  record Route(PathTemplate template, Map<String, CorsPolicy> byMethod, CorsPolicy otherMethods) {

    CorsPolicy policyFor(String method) {
      CorsPolicy policy = byMethod.get(method);
      if (policy == null && method.equals("HEAD")) {
        policy = byMethod.get("GET");
      }
      return policy == null ? otherMethods : policy;
    }
  }

  /** A root resource class and its routes, in matching order. */
  record RootResource(PathTemplate template, List<Route> routes) {}

  /** What a lookup reads, replaced as a whole when a root resource is added. */
  private record Snapshot(
      List<RootResource> roots,
      Map<String, Route> literalPaths,
      Map<String, List<RootResource>> rootsByFirstSegment,
      List<RootResource> rootsForAnyPath) {}

  private final PolicyResolver resolver;
  private final boolean trustForwardedHeaders;
  private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of(), List.of());

  /** The first policy noted; the others are compared with it. */
  private volatile CorsPolicy firstPolicy;

  private volatile boolean uniformVary = true;
  private volatile boolean uniformActual = true;
  private volatile boolean strictPolicy;

  RouteTable(PolicyResolver resolver) {
    this.resolver = resolver;
    this.trustForwardedHeaders = resolver.trustForwardedHeaders();
    resolver.pathPolicies().forEach(this::note);
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
   * Adds a root resource and rebuilds the snapshot; called at deployment only.
   *
   * @param root the root resource with its routes, in matching order
   */
  synchronized void add(RootResource root) {
    List<RootResource> roots = new ArrayList<>(snapshot.roots());
    roots.add(root);
    roots.sort((a, b) -> a.template().compareTo(b.template()));
    List<RootResource> forAnyPath = new ArrayList<>();
    Map<String, List<RootResource>> byFirstSegment = new HashMap<>();
    for (RootResource candidate : roots) {
      String first = candidate.template().literalFirstSegment();
      if (first == null) {
        forAnyPath.add(candidate);
      } else {
        byFirstSegment.putIfAbsent(first, new ArrayList<>());
      }
    }
    for (Map.Entry<String, List<RootResource>> entry : byFirstSegment.entrySet()) {
      for (RootResource candidate : roots) {
        String first = candidate.template().literalFirstSegment();
        if (first == null || first.equals(entry.getKey())) {
          entry.getValue().add(candidate);
        }
      }
      entry.setValue(List.copyOf(entry.getValue()));
    }
    Snapshot partial =
        new Snapshot(
            List.copyOf(roots), Map.of(), Map.copyOf(byFirstSegment), List.copyOf(forAnyPath));
    Map<String, Route> literalPaths = new HashMap<>();
    for (RootResource candidate : roots) {
      for (Route route : candidate.routes()) {
        String path = route.template().template();
        if (route.template().isLiteral() && !literalPaths.containsKey(path)) {
          Route matched = match(partial, path);
          if (matched != null) {
            literalPaths.put(path, matched);
          }
        }
      }
    }
    snapshot =
        new Snapshot(
            partial.roots(),
            Map.copyOf(literalPaths),
            partial.rootsByFirstSegment(),
            partial.rootsForAnyPath());
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
    Snapshot current = snapshot;
    Route route = current.literalPaths().get(path);
    if (route == null) {
      route = match(current, path);
    }
    return route == null ? resolver.forPath(path) : route.policyFor(method);
  }

  /** The route Jakarta REST would pick for a path, or null. */
  private static Route match(Snapshot snapshot, String path) {
    int slash = path.indexOf('/');
    List<RootResource> candidates =
        snapshot
            .rootsByFirstSegment()
            .getOrDefault(slash < 0 ? path : path.substring(0, slash), snapshot.rootsForAnyPath());
    for (RootResource root : candidates) {
      if (root.template().matches(path)) {
        for (Route route : root.routes()) {
          if (route.template().matches(path)) {
            return route;
          }
        }
        return null;
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
   * @return true where {@link #uniformVary()} applies to every request without Origin
   */
  boolean hasUniformVary() {
    return uniformVary;
  }

  /**
   * The {@code Vary} items every policy adds to responses to requests without {@code Origin}.
   *
   * @return the items, or null for none; meaningful only where {@link #hasUniformVary()}
   */
  String uniformVary() {
    return firstPolicy.actualVary();
  }
}
