package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.core.CorsPolicy;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which policy answers a request: the application's resource paths, collected at deployment, each
 * with the resolved policy of every method it implements. Looks a request up the way Jakarta REST
 * matches it (root resource class first, then the resource method or sub-resource locator), so that
 * a preflight is answered with the policy of the method that will serve the actual request.
 * Requests no resource serves get the policy of their path.
 */
final class RouteTable {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  private final PolicyResolver resolver;
  private final Set<Class<?>> scanned = new HashSet<>();
  private volatile List<RootResource> roots = List.of();

  /** Most request paths whose route is remembered: hot paths first, bounded against variety. */
  private static final int MAX_CACHED_PATHS = 4096;

  /** Marks a path that no resource serves. */
  private static final Route NO_ROUTE = new Route(new PathTemplate("", false), Map.of(), null);

  /** The policy of each resource method, by class and signature. */
  private final Map<String, CorsPolicy> policiesByMethod = new HashMap<>();

  /** The route of each request path seen so far (up to {@link #MAX_CACHED_PATHS}). */
  private final Map<String, Route> routesByPath = new ConcurrentHashMap<>();

  /** The first policy noted; the others are compared with it. */
  private volatile CorsPolicy firstPolicy;

  private volatile boolean uniformVary = true;
  private volatile boolean uniformActual = true;
  private volatile boolean strictPolicy;

  RouteTable(PolicyResolver resolver) {
    this.resolver = resolver;
    resolver.pathPolicies().forEach(this::note);
  }

  /** Compares one more policy with the first; called at deployment only. */
  private void note(CorsPolicy policy) {
    strictPolicy |= policy.rejectDisallowed();
    if (firstPolicy == null) {
      firstPolicy = policy;
      return;
    }
    uniformVary &= Objects.equals(firstPolicy.actualVary(), policy.actualVary());
    uniformActual &= firstPolicy.answersActualRequestsLike(policy);
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

  /** A root resource class and its routes, in matching order. */
  private record RootResource(PathTemplate template, List<Route> routes) {}

  /** One path of a root resource, with the policy of each method it implements. */
  private record Route(
      PathTemplate template, Map<String, CorsPolicy> byMethod, CorsPolicy otherMethods) {

    CorsPolicy policyFor(String method) {
      CorsPolicy policy = byMethod.get(method);
      if (policy == null && method.equals("HEAD")) {
        policy = byMethod.get("GET");
      }
      return policy == null ? otherMethods : policy;
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
    Route route = routesByPath.get(path);
    if (route == null) {
      route = match(path);
      if (routesByPath.size() < MAX_CACHED_PATHS) {
        routesByPath.put(path, route);
      }
    }
    return route == NO_ROUTE ? resolver.forPath(path) : route.policyFor(method);
  }

  /** The route Jakarta REST would pick for a path, or {@link #NO_ROUTE}. */
  private Route match(String path) {
    for (RootResource root : roots) {
      if (root.template().matches(path)) {
        for (Route route : root.routes()) {
          if (route.template().matches(path)) {
            return route;
          }
        }
        break;
      }
    }
    return NO_ROUTE;
  }

  /**
   * Adds a resource class (once; later calls for the same class do nothing), resolving and logging
   * the policy of each of its paths.
   *
   * @param resourceClass a class seen at deployment, possibly a proxy subclass of the resource
   */
  synchronized void add(Class<?> resourceClass) {
    Class<?> root = rootOf(resourceClass);
    if (root == null || !scanned.add(root)) {
      return;
    }
    String classPath = root.getAnnotation(Path.class).value();
    Map<String, Map<String, Method>> methodsByTemplate = new LinkedHashMap<>();
    Map<String, Method> locators = new LinkedHashMap<>();
    for (Method method : root.getMethods()) {
      if (method.isBridge()
          || method.isSynthetic()
          || Modifier.isStatic(method.getModifiers())
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      Method annotated = jaxrsAnnotated(method);
      if (annotated == null) {
        continue;
      }
      Path path = annotated.getAnnotation(Path.class);
      String template = PathTemplate.join(classPath, path == null ? null : path.value());
      String httpMethod = httpMethod(annotated);
      if (httpMethod == null) {
        locators.putIfAbsent(template, method);
      } else {
        methodsByTemplate
            .computeIfAbsent(template, t -> new LinkedHashMap<>())
            .putIfAbsent(httpMethod, method);
      }
    }
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, Map<String, Method>> entry : methodsByTemplate.entrySet()) {
      routes.add(route(root, entry.getKey(), entry.getValue()));
    }
    for (Map.Entry<String, Method> entry : locators.entrySet()) {
      CorsPolicy policy = resolver.forResource(root, entry.getValue(), entry.getKey(), null);
      note(policy);
      LOG.log(System.Logger.Level.INFO, "CORS /{0}/* (sub-resources): {1}", entry.getKey(), policy);
      routes.add(new Route(new PathTemplate(entry.getKey(), true), Map.of(), policy));
    }
    Collections.sort(routes, (a, b) -> a.template().compareTo(b.template()));
    List<RootResource> updated = new ArrayList<>(roots);
    updated.add(new RootResource(new PathTemplate(PathTemplate.join(classPath), true), routes));
    Collections.sort(updated, (a, b) -> a.template().compareTo(b.template()));
    roots = List.copyOf(updated);
    routesByPath.clear();
  }

  /**
   * Resolves the policy of each method of one path. Where methods have policies with different
   * rules (a method annotation, {@code @CorsDisabled}), each policy allows only the methods that
   * share it: a browser caches {@code Access-Control-Allow-Methods} for the URL and would otherwise
   * send a listed method, without its own preflight, that its own policy refuses.
   */
  private Route route(Class<?> root, String template, Map<String, Method> methods) {
    List<String> implemented = withHead(new ArrayList<>(methods.keySet()));
    List<CorsPolicy> groupPolicies = new ArrayList<>();
    List<List<String>> groups = new ArrayList<>();
    for (String httpMethod : implemented) {
      Method method = methods.get(httpMethod);
      if (method == null) {
        continue; // HEAD served by GET
      }
      CorsPolicy policy = resolver.forResource(root, method, template, implemented);
      int group = 0;
      while (group < groups.size() && !groupPolicies.get(group).hasSameRulesAs(policy)) {
        group++;
      }
      if (group == groups.size()) {
        groupPolicies.add(policy);
        groups.add(new ArrayList<>());
      }
      groups.get(group).add(httpMethod);
    }
    Map<String, CorsPolicy> byMethod = new LinkedHashMap<>();
    for (int group = 0; group < groups.size(); group++) {
      List<String> shared = withHead(groups.get(group));
      CorsPolicy policy = groupPolicies.get(group);
      if (groups.size() > 1) {
        policy = policy.withMethodsWithin(shared);
      }
      for (String httpMethod : groups.get(group)) {
        byMethod.put(httpMethod, policy);
        policiesByMethod.put(methodKey(root, methods.get(httpMethod)), policy);
      }
      note(policy);
      LOG.log(System.Logger.Level.INFO, "CORS /{0} {1}: {2}", template, groups.get(group), policy);
    }
    CorsPolicy first = byMethod.values().iterator().next();
    return new Route(new PathTemplate(template, false), Map.copyOf(byMethod), first);
  }

  /**
   * The policy of a resource method, for requests that Jakarta REST has matched to it.
   *
   * @param resourceClass the matched resource class, possibly a proxy subclass
   * @param method the matched resource method
   * @return the policy, or null for a method not collected at deployment (a sub-resource)
   */
  synchronized CorsPolicy policyOf(Class<?> resourceClass, Method method) {
    Class<?> root = rootOf(resourceClass);
    return root == null ? null : policiesByMethod.get(methodKey(root, method));
  }

  private static String methodKey(Class<?> root, Method method) {
    return root.getName() + "#" + method.getName() + Arrays.toString(method.getParameterTypes());
  }

  private static Class<?> rootOf(Class<?> resourceClass) {
    Class<?> root = resourceClass;
    while (root != null && !root.isAnnotationPresent(Path.class)) {
      root = root.getSuperclass();
    }
    return root;
  }

  /** Adds HEAD where GET is (Jakarta REST serves HEAD with GET) and sorts the usual way. */
  private static List<String> withHead(List<String> httpMethods) {
    List<String> sorted = new ArrayList<>(httpMethods);
    if (sorted.contains("GET") && !sorted.contains("HEAD")) {
      sorted.add("HEAD");
    }
    sorted.sort(RouteTable::compareMethods);
    return sorted;
  }

  private static final List<String> METHOD_ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** Orders methods the usual way (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS), others after. */
  private static int compareMethods(String a, String b) {
    int ia = METHOD_ORDER.indexOf(a);
    int ib = METHOD_ORDER.indexOf(b);
    if (ia >= 0 && ib >= 0) {
      return Integer.compare(ia, ib);
    }
    return ia >= 0 ? -1 : ib >= 0 ? 1 : a.compareTo(b);
  }

  /**
   * The method that carries a method's Jakarta REST annotations: itself, or the method it overrides
   * in a superclass or interface (annotation inheritance); null for a plain method.
   */
  private static Method jaxrsAnnotated(Method method) {
    if (method.isAnnotationPresent(Path.class) || httpMethod(method) != null) {
      return method;
    }
    List<Class<?>> supertypes = new ArrayList<>();
    Class<?> type = method.getDeclaringClass();
    while (type != null && type != Object.class) {
      supertypes.add(type.getSuperclass());
      Collections.addAll(supertypes, type.getInterfaces());
      type = type.getSuperclass();
    }
    for (Class<?> supertype : supertypes) {
      if (supertype == null) {
        continue;
      }
      try {
        Method inherited = supertype.getMethod(method.getName(), method.getParameterTypes());
        if (inherited.isAnnotationPresent(Path.class) || httpMethod(inherited) != null) {
          return inherited;
        }
      } catch (NoSuchMethodException e) {
        // not declared there
      }
    }
    return null;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        return designator.value();
      }
    }
    return null;
  }
}
