package dev.corsjaxrs.config;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * One deployment per application: the servlet layer and Jakarta REST read the same configuration
 * and share the {@link PolicyResolver} built from it (its policies, caches and origin-check
 * instances). Kept per {@link Config} instance, weakly, so that an undeployed application's
 * resolver goes with it; whoever uses a resolver holds it.
 */
public final class Deployments {

  private static final Map<Config, WeakReference<PolicyResolver>> BY_CONFIG = new WeakHashMap<>();

  private Deployments() {}

  /**
   * The application's resolver, built (and validated) on first use.
   *
   * @param config the application's configuration
   * @return the resolver, the same for every door of the application
   * @throws dev.corsjaxrs.InvalidCorsConfigurationException for an invalid configuration
   */
  public static synchronized PolicyResolver of(Config config) {
    WeakReference<PolicyResolver> known = BY_CONFIG.get(config);
    PolicyResolver resolver = known == null ? null : known.get();
    if (resolver == null) {
      resolver = new PolicyResolver(config);
      BY_CONFIG.put(config, new WeakReference<>(resolver));
    }
    return resolver;
  }
}
