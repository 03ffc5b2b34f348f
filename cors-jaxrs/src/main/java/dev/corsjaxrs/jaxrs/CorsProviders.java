package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.config.Deployments;
import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.config.SecondLayers;
import dev.corsjaxrs.core.CorsProtocol;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Wires the module's providers into a Jakarta REST application. */
public final class CorsProviders {

  /**
   * Priority of the request filter (it runs first) and of the response filter (it runs last): lower
   * than any application filter, so preflights never meet authentication.
   */
  public static final int PRIORITY = 0;

  /** Configuration property set once the module is registered in an application. */
  public static final String REGISTERED_PROPERTY = "dev.corsjaxrs.registered";

  /**
   * Configuration property set by the first of the module's features to run in an application,
   * registered or not: the others (the services file's, the one found by {@code @Provider}
   * scanning, one registered explicitly) then neither register nor log again.
   */
  static final String CONFIGURED_PROPERTY = "dev.corsjaxrs.configured";

  /** Configuration property holding the application's {@link Deployment}. */
  static final String DEPLOYMENT_PROPERTY = "dev.corsjaxrs.deployment";

  /** Application property: the module stands aside for Quarkus's own CORS filter. */
  static final String STANDING_ASIDE_PROPERTY = "dev.corsjaxrs.standingAside";

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  private CorsProviders() {}

  /**
   * What {@code CorsFeature} does, once per application: reads and validates the configuration and
   * registers the providers, unless the module is off.
   *
   * @param context the feature context of the application
   * @return whether the module was registered by this call
   */
  public static boolean configure(FeatureContext context) {
    if (context.getConfiguration().getProperty(CONFIGURED_PROPERTY) != null) {
      return false;
    }
    context.property(CONFIGURED_PROPERTY, Boolean.TRUE);
    Config config;
    try {
      config = ConfigProvider.getConfig();
    } catch (NoClassDefFoundError e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS module off: the MicroProfile Config API is not visible to this application ("
              + e.getMessage()
              + "); on Open Liberty enable the feature mpConfig-3.1, elsewhere add"
              + " org.eclipse.microprofile.config:microprofile-config-api and an implementation"
              + " such as io.smallrye.config:smallrye-config");
      return false;
    } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS module off: no MicroProfile Config implementation is present ("
              + e.getMessage()
              + "); add one, such as io.smallrye.config:smallrye-config (on Open Liberty, the"
              + " feature mpConfig-3.1)");
      return false;
    }
    PolicyResolver resolver = Deployments.of(config); // the servlet layer's, where there is one
    if (!resolver.enabled()) {
      LOG.log(System.Logger.Level.INFO, "CORS module turned off by cors.enabled=false");
      return false;
    }
    Optional<String> quarkusCors = SecondLayers.quarkusCors(config, SecondLayers::visible);
    if (quarkusCors.isPresent()) {
      List<String> protections = resolver.protectionKeys();
      if (!protections.isEmpty()) {
        // a protection the operator asked for never silently vanishes (API.md v1.3)
        throw new InvalidCorsConfigurationException(
            "CORS: quarkus.http.cors.enabled=true and "
                + String.join(", ", protections)
                + " are both set: Quarkus's own CORS filter answers before cors-jaxrs, so the"
                + " protection those keys ask for (strict mode, the host check) would not be"
                + " given; set quarkus.http.cors.enabled=false to let cors-jaxrs answer");
      }
      LOG.log(System.Logger.Level.WARNING, quarkusCors.get());
      context.property(STANDING_ASIDE_PROPERTY, Boolean.TRUE); // MethodBinder checks annotations
      return false;
    }
    context.property(REGISTERED_PROPERTY, Boolean.TRUE);
    List<String> registered = new ArrayList<>();
    context.getConfiguration().getClasses().forEach(type -> registered.add(type.getName()));
    context.getConfiguration().getInstances().forEach(o -> registered.add(o.getClass().getName()));
    for (String layer : SecondLayers.detect(config, registered, SecondLayers::visible)) {
      LOG.log(System.Logger.Level.WARNING, "CORS: " + layer);
    }
    register(context, resolver);
    return true;
  }

  /**
   * Registers the resource collector and the three filters, sharing one route table.
   *
   * @param context the feature context of the application
   * @param resolver the validated configuration
   */
  private static void register(FeatureContext context, PolicyResolver resolver) {
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
    context.property(DEPLOYMENT_PROPERTY, new Deployment(scanner, policies, protocol));
    context.register(new CorsRequestFilter(policies, protocol, startupMap));
    context.register(new MatchedPolicyFilter(policies, protocol));
    context.register(new CorsResponseFilter(routes, policies, protocol));
  }

  /** What a {@link MethodBinder} needs of the application's deployment. */
  record Deployment(ResourceScanner scanner, RequestPolicy policies, CorsProtocol protocol) {

    /** Reads a resource method's class and binds it a filter that knows the method. */
    void bind(ResourceInfo method, FeatureContext context) {
      Class<?> resourceClass = method.getResourceClass();
      if (resourceClass == null || method.getResourceMethod() == null) {
        return;
      }
      scanner.add(resourceClass);
      context.register(
          new MatchedPolicyFilter.Bound(
              policies, protocol, resourceClass, method.getResourceMethod()));
    }
  }
}
