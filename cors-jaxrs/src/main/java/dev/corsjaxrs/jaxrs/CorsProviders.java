package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.config.PolicyResolver;
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
   * Registers the resource collector and both filters, sharing one route table.
   *
   * @param context the feature context of the application
   * @param resolver the validated configuration
   */
  public static void register(FeatureContext context, PolicyResolver resolver) {
    RouteTable routes = new RouteTable(resolver);
    context.register(
        new ResourceCollector(
            new ResourceScanner(resolver, routes), resolver.trustForwardedHeaders()));
    context.register(new CorsRequestFilter(routes));
    context.register(new CorsResponseFilter(routes));
  }
}
