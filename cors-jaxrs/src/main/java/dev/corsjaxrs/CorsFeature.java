package dev.corsjaxrs;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.jaxrs.CorsProviders;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CORS module for Jakarta REST. Discovered with no code where the jar is on the class path
 * (listed in {@code META-INF/services/jakarta.ws.rs.core.Feature}), or registered explicitly with
 * {@code register(CorsFeature.class)}; registering it both ways is harmless.
 *
 * <p>At deployment it reads the {@code cors.*} configuration through {@link
 * ConfigProvider#getConfig()}, validates it (an invalid value stops the deployment with an {@link
 * InvalidCorsConfigurationException}), and registers a pre-matching filter that answers preflights
 * and a response filter that adds the CORS headers to actual responses. {@code cors.enabled=false}
 * turns it off.
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
    PolicyResolver resolver = new PolicyResolver(ConfigProvider.getConfig());
    if (!resolver.enabled()) {
      LOG.log(System.Logger.Level.INFO, "CORS module turned off by cors.enabled=false");
      return false;
    }
    context.property(REGISTERED_PROPERTY, Boolean.TRUE);
    CorsProviders.register(context, resolver);
    return true;
  }
}
