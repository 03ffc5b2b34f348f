package dev.corsjaxrs;

import dev.corsjaxrs.config.Deployments;
import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.config.SecondLayers;
import dev.corsjaxrs.jaxrs.CorsProviders;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CORS module for Jakarta REST. Discovered with no code where the jar is on the class path
 * (listed in {@code META-INF/services/jakarta.ws.rs.core.Feature}), or registered explicitly with
 * {@code register(CorsFeature.class)}; registering it both ways is harmless.
 *
 * <p>At deployment it reads the {@code cors.*} configuration through {@link
 * ConfigProvider#getConfig()}, validates it (an invalid value stops the deployment with an {@link
 * InvalidCorsConfigurationException}), and registers the resource collector (a {@code
 * DynamicFeature} that reads the resource classes), a pre-matching filter that answers preflights
 * (and, in strict mode, refuses before matching), a post-matching filter that gives each matched
 * request its method's policy, and a response filter that adds the CORS headers to actual
 * responses. {@code cors.enabled=false} turns it off. Without MicroProfile Config (the API or an
 * implementation), the module stays off and says so in one WARNING line at deployment, naming what
 * to add: requests are served as if the jar were absent, and neither the configuration nor the
 * annotations apply.
 */
public class CorsFeature implements Feature {

  /** Configuration property set once the module is registered in an application. */
  public static final String REGISTERED_PROPERTY = "dev.corsjaxrs.registered";

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  /** Creates the feature; everything happens in {@link #configure}. */
  public CorsFeature() {}

  @Override
  public boolean configure(FeatureContext context) {
    if (context.getConfiguration().getProperty(REGISTERED_PROPERTY) != null) {
      return false;
    }
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
    context.property(REGISTERED_PROPERTY, Boolean.TRUE);
    List<String> registered = new ArrayList<>();
    context.getConfiguration().getClasses().forEach(type -> registered.add(type.getName()));
    context.getConfiguration().getInstances().forEach(o -> registered.add(o.getClass().getName()));
    for (String layer : SecondLayers.detect(config, registered, SecondLayers::visible)) {
      LOG.log(System.Logger.Level.WARNING, "CORS: " + layer);
    }
    CorsProviders.register(context, resolver);
    return true;
  }
}
