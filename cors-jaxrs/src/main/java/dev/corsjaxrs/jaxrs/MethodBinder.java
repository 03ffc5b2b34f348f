package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Found by runtimes that scan for {@code @Provider} classes: reads each resource method's class and
 * binds it a filter that knows the method. Quarkus REST needs it: it runs no {@code DynamicFeature}
 * that a {@code Feature} registers, and injects no {@code ResourceInfo} into the instances a {@code
 * Feature} registers. Elsewhere it adds what the module has read already. It does nothing in an
 * application where the module is not registered.
 */
@Provider
public final class MethodBinder implements DynamicFeature {

  /** Created by the runtime. */
  public MethodBinder() {}

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    if (context.getConfiguration().getProperty(CorsProviders.DEPLOYMENT_PROPERTY)
        instanceof CorsProviders.Deployment deployment) {
      deployment.bind(resourceInfo, context);
    }
  }
}
