package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What reflection tells of resource classes and methods, as Jakarta REST reads them: the root of a
 * (proxy) class, the method carrying the annotations (inherited from a supertype), its HTTP method,
 * the class a locator declares, and the usual order of HTTP methods.
 */
final class ResourceMethods {

  private static final List<String> METHOD_ORDER =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private ResourceMethods() {}

  /**
   * The resource class a locator declares, or null where only running it tells ({@code Object},
   * {@code Class}, a type with no Jakarta REST method of its own).
   */
  static Class<?> declaredResource(Method locator) {
    Class<?> type = locator.getReturnType();
    if (type.isPrimitive() || type.isArray() || type == Object.class || type == Class.class) {
      return null;
    }
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() != Object.class && jaxrsAnnotated(method) != null) {
        return type;
      }
    }
    return null;
  }

  static Class<?> rootOf(Class<?> resourceClass) {
    Class<?> root = resourceClass;
    while (root != null && !root.isAnnotationPresent(Path.class)) {
      root = root.getSuperclass();
    }
    return root;
  }

  /** Adds HEAD where GET is (Jakarta REST serves HEAD with GET) and sorts the usual way. */
  static List<String> withHead(List<String> httpMethods) {
    List<String> sorted = new ArrayList<>(httpMethods);
    if (sorted.contains("GET") && !sorted.contains("HEAD")) {
      sorted.add("HEAD");
    }
    sorted.sort(ResourceMethods::compareMethods);
    return sorted;
  }

  /** Orders methods the usual way (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS), others after. */
  static int compareMethods(String a, String b) {
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
  static Method jaxrsAnnotated(Method method) {
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

  static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        return designator.value();
      }
    }
    return null;
  }
}
