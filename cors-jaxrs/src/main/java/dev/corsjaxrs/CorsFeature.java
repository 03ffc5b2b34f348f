package dev.corsjaxrs;

import dev.corsjaxrs.jaxrs.CorsProviders;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CORS module for Jakarta REST. Discovered with no code where the jar is on the class path
 * (listed in {@code META-INF/services/jakarta.ws.rs.core.Feature}; where a runtime finds providers
 * by their {@code @Provider} annotation instead, as Quarkus REST does, through {@link
 * dev.corsjaxrs.jaxrs.ScannedCorsFeature}), or registered explicitly with {@code
 * register(CorsFeature.class)}; registering it several ways is harmless.
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
  public static final String REGISTERED_PROPERTY = CorsProviders.REGISTERED_PROPERTY;

  /** Creates the feature; everything happens in {@link #configure}. */
  public CorsFeature() {}

  @Override
  public boolean configure(FeatureContext context) {
    return CorsProviders.configure(context);
  }
}
