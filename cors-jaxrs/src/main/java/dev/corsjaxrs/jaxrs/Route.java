package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.config.ResourceHop;
import dev.corsjaxrs.config.ResourcePolicy;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A path of a resource class, relative to the class: a resource method path (with the policy of
 * each HTTP method), or a sub-resource locator, with its class's routes where that class is known.
 */
final class Route {
  final PathTemplate template;
  final String fullTemplate;
  final Map<String, ResourcePolicy> byMethod;
  final Set<Method> javaMethods;
  final ResourcePolicy otherMethods;
  final List<Route> subRoutes;
  final List<ResourceHop> hops;

  private Route(
      PathTemplate template,
      String fullTemplate,
      Map<String, ResourcePolicy> byMethod,
      Set<Method> javaMethods,
      ResourcePolicy otherMethods,
      List<Route> subRoutes,
      List<ResourceHop> hops) {
    this.template = template;
    this.fullTemplate = fullTemplate;
    this.byMethod = byMethod;
    this.javaMethods = javaMethods;
    this.otherMethods = otherMethods;
    this.subRoutes = subRoutes;
    this.hops = hops;
  }

  /** A path served by resource methods. */
  static Route methods(
      String template,
      String fullTemplate,
      Map<String, ResourcePolicy> byMethod,
      Set<Method> javaMethods,
      ResourcePolicy otherMethods) {
    return new Route(
        new PathTemplate(template, false),
        fullTemplate,
        Map.copyOf(byMethod),
        Set.copyOf(javaMethods),
        otherMethods,
        null,
        List.of());
  }

  /** A root resource class, or a locator whose class is known: matching goes on in its routes. */
  static Route resource(String template, String fullTemplate, List<Route> subRoutes) {
    List<Route> sorted = new ArrayList<>(subRoutes);
    sorted.sort(Route::compareTo);
    return new Route(
        new PathTemplate(template, true),
        fullTemplate,
        Map.of(),
        Set.of(),
        null,
        List.copyOf(sorted),
        List.of());
  }

  /** A locator whose class is only known when it runs: every path below it takes {@code policy}. */
  static Route unknownResource(
      String template, String fullTemplate, ResourcePolicy policy, List<ResourceHop> hops) {
    return new Route(
        new PathTemplate(template, true),
        fullTemplate,
        Map.of(),
        Set.of(),
        policy,
        null,
        List.copyOf(hops));
  }

  /** The policies of the method that serves a request with {@code method} here. */
  ResourcePolicy policyFor(String method) {
    ResourcePolicy policy = byMethod.get(method);
    if (policy == null && method.equals("HEAD")) {
      policy = byMethod.get("GET");
    }
    return policy == null ? otherMethods : policy;
  }

  /** Whether the path is below a locator whose class is only known when it runs. */
  boolean isUnknownResource() {
    return subRoutes == null && template.isPrefix();
  }

  /** Jakarta REST's order: the template's figures, then resource methods before locators. */
  int compareTo(Route other) {
    int byTemplate = template.compareTo(other.template);
    return byTemplate != 0
        ? byTemplate
        : Boolean.compare(template.isPrefix(), other.template.isPrefix());
  }
}
