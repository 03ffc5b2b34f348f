package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * The module's feature for runtimes that find providers by their {@code @Provider} annotation and
 * not through {@code META-INF/services} (Quarkus REST). It does what {@code CorsFeature} does;
 * where a runtime finds both, the second one registers nothing.
 */
@Provider
public final class ScannedCorsFeature implements Feature {

  /** Created by the runtime. */
  public ScannedCorsFeature() {}

  @Override
  public boolean configure(FeatureContext context) {
    return CorsProviders.configure(context);
  }
}
