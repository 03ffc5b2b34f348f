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
import java.util.Set;

/**
 * Deployment: reads each root resource class once (its paths and the HTTP methods each implements,
 * annotations inherited from supertypes included), resolves the policy of every resource method,
 * groups a path's methods by policy, logs one line per group and hands the routes to the {@link
 * RouteTable}. Keeps each resource method's policy for {@link MatchedPolicyFilter}.
 */
final class ResourceScanner {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  private static final List<String> METHOD_ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final PolicyResolver resolver;
  private final RouteTable routes;
  private final Set<Class<?>> scanned = new HashSet<>();

  /** The policy of each resource method, by class and signature. */
  private final Map<String, CorsPolicy> policiesByMethod = new HashMap<>();

  ResourceScanner(PolicyResolver resolver, RouteTable routes) {
    this.resolver = resolver;
    this.routes = routes;
  }

  /**
   * Reads a resource class (once; later calls for the same root class do nothing), resolving,
   * logging and routing the policy of each of its paths.
   *
   * @param resourceClass a class seen at deployment, possibly a proxy subclass of the resource
   */
  synchronized void add(Class<?> resourceClass) {
    Class<?> root = rootOf(resourceClass);
    if (root != null && scanned.add(root)) {
      routes.add(scan(root));
    }
  }

  /**
   * The policy of a resource method, its class read first if it was not yet.
   *
   * @param resourceClass a class seen at deployment, possibly a proxy subclass of the resource
   * @param method one of its resource methods
   * @return that method's policy, or null for a method not reached from a root (a sub-resource)
   */
  synchronized CorsPolicy policyOf(Class<?> resourceClass, Method method) {
    add(resourceClass);
    Class<?> root = rootOf(resourceClass);
    return root == null ? null : policiesByMethod.get(methodKey(root, method));
  }

  private RouteTable.RootResource scan(Class<?> root) {
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
    List<RouteTable.Route> routeList = new ArrayList<>();
    for (Map.Entry<String, Map<String, Method>> entry : methodsByTemplate.entrySet()) {
      routeList.add(route(root, entry.getKey(), entry.getValue()));
    }
    for (Map.Entry<String, Method> entry : locators.entrySet()) {
      CorsPolicy policy = resolver.forResource(root, entry.getValue(), entry.getKey(), null);
      routes.note(policy);
      LOG.log(System.Logger.Level.INFO, "CORS /{0}/* (sub-resources): {1}", entry.getKey(), policy);
      routeList.add(new RouteTable.Route(new PathTemplate(entry.getKey(), true), Map.of(), policy));
    }
    Collections.sort(routeList, (a, b) -> a.template().compareTo(b.template()));
    return new RouteTable.RootResource(
        new PathTemplate(PathTemplate.join(classPath), true), List.copyOf(routeList));
  }

  /**
   * Resolves the policy of each method of one path. Where methods have policies with different
   * rules (a method annotation, {@code @CorsDisabled}), each policy allows only the methods that
   * share it: a browser caches {@code Access-Control-Allow-Methods} for the URL and would otherwise
   * send a listed method, without its own preflight, that its own policy refuses.
   */
  private RouteTable.Route route(Class<?> root, String template, Map<String, Method> methods) {
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
      CorsPolicy policy = groupPolicies.get(group);
      if (groups.size() > 1) {
        policy = policy.withMethodsWithin(withHead(groups.get(group)));
      }
      for (String httpMethod : groups.get(group)) {
        byMethod.put(httpMethod, policy);
        policiesByMethod.put(methodKey(root, methods.get(httpMethod)), policy);
      }
      routes.note(policy);
      LOG.log(System.Logger.Level.INFO, "CORS /{0} {1}: {2}", template, groups.get(group), policy);
    }
    CorsPolicy first = byMethod.values().iterator().next();
    return new RouteTable.Route(new PathTemplate(template, false), Map.copyOf(byMethod), first);
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
    sorted.sort(ResourceScanner::compareMethods);
    return sorted;
  }

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
