package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.config.ResourceHop;
import dev.corsjaxrs.config.ResourcePolicy;
import dev.corsjaxrs.core.CorsPolicy;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployment: reads each root resource class once (its paths and the HTTP methods each implements,
 * annotations inherited from supertypes included), and the classes its sub-resource locators
 * declare, recursively; resolves the policy of every resource method, groups a path's methods by
 * policy, keeps one line per group for the {@link StartupMap} and hands the routes to the {@link
 * RouteTable}. Keeps each resource method's policy for {@link MatchedPolicyFilter}, which asks it
 * about what the runtime matched.
 */
final class ResourceScanner {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  /** How deep locators are followed; deeper (or a class already on the way) counts as unknown. */
  private static final int MAX_DEPTH = 8;

  /** Most policies worked out after deployment, for methods first seen when matched. */
  private static final int MAX_LATE_POLICIES = 4096;

  private final PolicyResolver resolver;
  private final RouteTable routes;
  private final StartupMap startupMap;
  private final Set<Class<?>> scanned = ConcurrentHashMap.newKeySet();

  /** Marks a method reached on several paths with different policies. */
  private final ResourcePolicy several;

  /** The policies of each resource method reached from a root, or {@link #several}. */
  private final Map<Method, ResourcePolicy> policiesByMethod = new ConcurrentHashMap<>();

  /** On how many paths each resource method is routed, and how often the runtime showed it. */
  private final Map<Method, Integer> routedPaths = new HashMap<>();

  private final Map<Method, Integer> shownByRuntime = new HashMap<>();

  /** Policies of methods first seen when matched, by method and the route predicted for them. */
  private final Map<List<Object>, ResourcePolicy> latePolicies = new ConcurrentHashMap<>();

  ResourceScanner(PolicyResolver resolver, RouteTable routes, StartupMap startupMap) {
    this.resolver = resolver;
    this.routes = routes;
    this.startupMap = startupMap;
    this.several =
        ResourcePolicy.of(
            resolver.catalog().builder().disabled("(a marker: several paths)").build());
  }

  /**
   * Reads a resource class (once; later calls for the same root class do nothing), resolving,
   * logging and routing the policy of each of its paths.
   *
   * @param resourceClass a class seen at deployment, possibly a proxy subclass of the resource
   */
  void add(Class<?> resourceClass) {
    Class<?> root = ResourceMethods.rootOf(resourceClass);
    if (root != null && !scanned.contains(root)) {
      scan(root); // a request may ask too (a locator-only root): no lock once it is read
    }
  }

  private synchronized void scan(Class<?> root) {
    if (scanned.contains(root)) {
      return;
    }
    try {
      String classPath = PathTemplate.join(root.getAnnotation(Path.class).value());
      List<Class<?>> way = new ArrayList<>(List.of(root));
      List<String> map = new ArrayList<>();
      routes.add(
          Route.resource(classPath, classPath, routesOf(root, classPath, List.of(), way, map)));
      startupMap.add(map);
    } finally {
      scanned.add(root); // after its routes: a reader that sees it scanned finds them
    }
  }

  /**
   * Notes a resource method the runtime showed at deployment (a {@code DynamicFeature} sees each
   * once per path it serves): shown more often than it is routed here, it is served at a path that
   * no annotation names, and the route table must fail closed on unknown paths.
   *
   * @param resourceClass the class the runtime names
   * @param method the resource method
   */
  synchronized void shown(Class<?> resourceClass, Method method) {
    add(resourceClass);
    Integer routed = routedPaths.get(method);
    if (routed != null && shownByRuntime.merge(method, 1, Integer::sum) > routed) {
      String place = resourceClass.getName() + "#" + method.getName();
      if (routes.markUnseenPaths(place)) {
        LOG.log(
            System.Logger.Level.INFO,
            "CORS: {0} is served at a path its @Path does not name; preflights for paths no"
                + " known resource serves are refused",
            place);
      }
    }
  }

  /**
   * The policy of a resource method routed on one path, or on several with one policy.
   *
   * @param method the method the runtime matched
   * @param request the request, whose path is read only where a named policy's paths choose
   * @return its policy, or null where {@link #policyOfMatched} must tell
   */
  CorsPolicy policyOf(Method method, ContainerRequestContext request) {
    ResourcePolicy known = policiesByMethod.get(method);
    if (known == null || known == several) {
      return null;
    }
    CorsPolicy single = known.single();
    return single != null ? single : resolver.choose(known, RequestOrigins.path(request));
  }

  /**
   * The policy of the resource method the runtime matched.
   *
   * @param resourceClass the matched class, possibly a proxy subclass
   * @param method the matched method
   * @param path the request path, as for {@link RouteTable#lookup}
   * @param httpMethod the request's method
   * @return the policy; fails closed (as {@code @CorsDisabled}) where it cannot be told
   */
  CorsPolicy policyOfMatched(
      Class<?> resourceClass, Method method, String path, String httpMethod) {
    ResourcePolicy known = policiesByMethod.get(method);
    if (known != null && known != several) {
      return resolver.choose(known, path);
    }
    Route predicted = routes.route(path);
    String place = resourceClass.getName() + "#" + method.getName();
    if (known == several) {
      return predicted != null && predicted.javaMethods.contains(method)
          ? resolver.choose(predicted.policyFor(httpMethod), path)
          : resolver.forUnseenPath(path, place);
    }
    boolean belowUnknownLocator = predicted != null && predicted.isUnknownResource();
    Class<?> root = ResourceMethods.rootOf(resourceClass);
    if (!belowUnknownLocator && (predicted != null || root == null)) {
      // matched elsewhere than predicted, and not a root method: nothing tells its way
      return resolver.forUnseenPath(path, place);
    }
    // Keyed by what the code has (a method, a route), never by a request's path: bounded by the
    // application, however many paths clients send.
    List<Object> key = belowUnknownLocator ? List.of(method, predicted) : List.of(method);
    ResourcePolicy late = latePolicies.get(key);
    if (late == null) {
      try {
        late = latePolicy(resourceClass, method, root, predicted);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "CORS: the policy of " + place + " is invalid; refused: " + e.getMessage());
        return resolver.forUnseenPath(path, place);
      }
      if (latePolicies.size() < MAX_LATE_POLICIES) {
        latePolicies.putIfAbsent(key, late);
      }
    }
    return resolver.choose(late, path);
  }

  /**
   * The policy of a method no root reaches by declared types: its own annotations, then the
   * locators' on the way (below a locator of unknown class), or its class's own {@code @Path} (a
   * root resource the runtime added).
   */
  private ResourcePolicy latePolicy(
      Class<?> resourceClass, Method method, Class<?> root, Route predicted) {
    List<ResourceHop> hops = new ArrayList<>();
    hops.add(new ResourceHop(resourceClass, method));
    String template;
    if (predicted != null) {
      hops.addAll(predicted.hops);
      template = predicted.fullTemplate;
    } else {
      Method annotated = ResourceMethods.jaxrsAnnotated(method);
      Path methodPath = annotated == null ? null : annotated.getAnnotation(Path.class);
      template =
          PathTemplate.join(
              root.getAnnotation(Path.class).value(),
              methodPath == null ? null : methodPath.value());
    }
    PathTemplate full = new PathTemplate(template, false);
    return resolver.forResource(hops, template, null, full::mayServe);
  }

  /** The routes of one class reached at {@code prefix} through {@code outer} hops. */
  private List<Route> routesOf(
      Class<?> type, String prefix, List<ResourceHop> outer, List<Class<?>> way, List<String> map) {
    Map<String, Map<String, Method>> methodsByTemplate = new LinkedHashMap<>();
    Map<String, Method> locators = new LinkedHashMap<>();
    for (Method method : type.getMethods()) {
      if (method.isBridge()
          || method.isSynthetic()
          || Modifier.isStatic(method.getModifiers())
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      Method annotated = ResourceMethods.jaxrsAnnotated(method);
      if (annotated == null) {
        continue;
      }
      Path path = annotated.getAnnotation(Path.class);
      String template = PathTemplate.join(path == null ? null : path.value());
      String httpMethod = ResourceMethods.httpMethod(annotated);
      if (httpMethod == null) {
        locators.putIfAbsent(template, method);
      } else {
        methodsByTemplate
            .computeIfAbsent(template, t -> new LinkedHashMap<>())
            .putIfAbsent(httpMethod, method);
      }
    }
    List<Route> routeList = new ArrayList<>();
    for (Map.Entry<String, Map<String, Method>> entry : methodsByTemplate.entrySet()) {
      routeList.add(route(type, prefix, entry.getKey(), entry.getValue(), outer, map));
    }
    for (Map.Entry<String, Method> entry : locators.entrySet()) {
      String full = PathTemplate.join(prefix, entry.getKey());
      List<ResourceHop> hops = new ArrayList<>();
      hops.add(new ResourceHop(type, entry.getValue()));
      hops.addAll(outer);
      Class<?> subType = ResourceMethods.declaredResource(entry.getValue());
      if (subType != null && !way.contains(subType) && way.size() < MAX_DEPTH) {
        way.add(subType);
        routeList.add(
            Route.resource(entry.getKey(), full, routesOf(subType, full, hops, way, map)));
        way.remove(way.size() - 1);
      } else {
        ResourcePolicy policy =
            resolver.forUnknownSubResources(hops, new PathTemplate(full, true)::mayServe);
        routes.note(policy);
        for (String line : linesOf(policy)) {
          map.add(
              "CORS /"
                  + full
                  + "/* (sub-resources, class known only when the locator runs)"
                  + line);
        }
        routeList.add(Route.unknownResource(entry.getKey(), full, policy, hops));
      }
    }
    return routeList;
  }

  /**
   * Resolves the policy of each method of one path, once for each named policy whose paths may
   * cover a request there. Where methods have policies with different rules (a method annotation,
   * {@code @CorsDisabled}), each policy allows only the methods that share it: a browser caches
   * {@code Access-Control-Allow-Methods} for the URL and would otherwise send a listed method,
   * without its own preflight, that its own policy refuses.
   */
  private Route route(
      Class<?> type,
      String prefix,
      String relative,
      Map<String, Method> methods,
      List<ResourceHop> outer,
      List<String> map) {
    String template = PathTemplate.join(prefix, relative);
    PathTemplate full = new PathTemplate(template, false);
    List<String> implemented = ResourceMethods.withHead(new ArrayList<>(methods.keySet()));
    Map<String, ResourcePolicy> resolved = new LinkedHashMap<>();
    Set<String> covering = new java.util.TreeSet<>();
    for (String httpMethod : implemented) {
      Method method = methods.get(httpMethod);
      if (method == null) {
        continue; // HEAD served by GET
      }
      List<ResourceHop> hops = new ArrayList<>();
      hops.add(new ResourceHop(type, method));
      hops.addAll(outer);
      ResourcePolicy policy = resolver.forResource(hops, template, implemented, full::mayServe);
      resolved.put(httpMethod, policy);
      covering.addAll(policy.namedPolicies());
    }
    List<String> where = new ArrayList<>();
    where.add(null); // no named policy covers the request path
    where.addAll(covering);
    Map<String, Map<String, CorsPolicy>> byMethodWhere = new LinkedHashMap<>();
    for (String name : where) {
      Map<String, CorsPolicy> policies = new LinkedHashMap<>();
      resolved.forEach((httpMethod, policy) -> policies.put(httpMethod, policy.where(name)));
      narrowByGroup(policies, template, name, map);
      policies.forEach(
          (httpMethod, policy) ->
              byMethodWhere
                  .computeIfAbsent(httpMethod, m -> new LinkedHashMap<>())
                  .put(name, policy));
    }
    Map<String, ResourcePolicy> byMethod = new LinkedHashMap<>();
    Set<Method> javaMethods = new HashSet<>();
    byMethodWhere.forEach(
        (httpMethod, policies) -> {
          Map<String, CorsPolicy> named = new LinkedHashMap<>(policies);
          CorsPolicy uncovered = named.remove(null);
          ResourcePolicy policy = ResourcePolicy.of(uncovered, named);
          byMethod.put(httpMethod, policy);
          routes.note(policy);
          Method method = methods.get(httpMethod);
          javaMethods.add(method);
          remember(method, policy);
          Method annotated = ResourceMethods.jaxrsAnnotated(method);
          if (annotated != null && annotated != method) {
            javaMethods.add(annotated);
            remember(annotated, policy);
          }
        });
    ResourcePolicy first = byMethod.values().iterator().next();
    return Route.methods(relative, template, byMethod, javaMethods, first);
  }

  /**
   * Groups the methods of one path by the rules of their policies where one named policy (or none)
   * covers the request path, narrows each group's methods to its own, and logs one line per group.
   */
  private void narrowByGroup(
      Map<String, CorsPolicy> policies, String template, String coveredBy, List<String> map) {
    List<CorsPolicy> groupPolicies = new ArrayList<>();
    List<List<String>> groups = new ArrayList<>();
    policies.forEach(
        (httpMethod, policy) -> {
          int group = 0;
          while (group < groups.size() && !groupPolicies.get(group).hasSameRulesAs(policy)) {
            group++;
          }
          if (group == groups.size()) {
            groupPolicies.add(policy);
            groups.add(new ArrayList<>());
          }
          groups.get(group).add(httpMethod);
        });
    for (int group = 0; group < groups.size(); group++) {
      CorsPolicy policy = groupPolicies.get(group);
      if (groups.size() > 1) {
        policy =
            resolver
                .catalog()
                .withMethodsWithin(policy, ResourceMethods.withHead(groups.get(group)));
      }
      for (String httpMethod : groups.get(group)) {
        policies.put(httpMethod, policy);
      }
      map.add(
          "CORS /"
              + template
              + " "
              + groups.get(group)
              + (coveredBy == null ? "" : " where cors.policy." + coveredBy + ".paths cover it")
              + ": "
              + policy);
    }
  }

  /** The startup-map line endings of a resource policy: one per policy it can take. */
  private static List<String> linesOf(ResourcePolicy policy) {
    List<String> lines = new ArrayList<>();
    lines.add(": " + policy.where(null));
    for (String name : policy.namedPolicies()) {
      lines.add(" where cors.policy." + name + ".paths cover it: " + policy.where(name));
    }
    return lines;
  }

  /** Keeps a method's policy; a method reached on paths with different policies is marked. */
  private void remember(Method method, ResourcePolicy policy) {
    routedPaths.merge(method, 1, Integer::sum);
    policiesByMethod.merge(method, policy, (old, now) -> old.equals(now) ? old : several);
  }
}
