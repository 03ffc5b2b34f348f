package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.core.CorsProtocol;
import jakarta.ws.rs.core.FeatureContext;

/** Wires the module's providers into a Jakarta REST application. */
public final class CorsProviders {

  /**
   * Priority of the request filter (it runs first) and of the response filter (it runs last): lower
   * than any application filter, so preflights never meet authentication.
   */
  public static final int PRIORITY = 0;

  private CorsProviders() {}

  /**
   * Registers the resource collector and the three filters, sharing one route table.
   *
   * @param context the feature context of the application
   * @param resolver the validated configuration
   */
  public static void register(FeatureContext context, PolicyResolver resolver) {
    RouteTable routes = new RouteTable(resolver);
    StartupMap startupMap = new StartupMap();
    ResourceScanner scanner = new ResourceScanner(resolver, routes, startupMap);
    // Root resources the runtime lists already (Jersey does): those with nothing but locators are
    // shown to no DynamicFeature.
    for (Class<?> type : context.getConfiguration().getClasses()) {
      scanner.add(type);
    }
    for (Object instance : context.getConfiguration().getInstances()) {
      scanner.add(instance.getClass());
    }
    startupMap.write();
    context.register(new ResourceCollector(scanner, startupMap));
    CorsProtocol protocol = resolver.protocol();
    RequestPolicy policies = new RequestPolicy(routes, scanner);
    context.register(new CorsRequestFilter(policies, protocol, startupMap));
    context.register(new MatchedPolicyFilter(policies, protocol));
    context.register(new CorsResponseFilter(routes, policies, protocol));
  }
}
