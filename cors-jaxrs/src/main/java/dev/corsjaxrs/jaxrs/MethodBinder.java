package dev.corsjaxrs.jaxrs;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

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
    Object deployment = context.getConfiguration().getProperty(CorsProviders.DEPLOYMENT_PROPERTY);
    if (deployment instanceof CorsProviders.Deployment known) {
      known.bind(resourceInfo, context);
    } else if (context.getConfiguration().getProperty(CorsProviders.STANDING_ASIDE_PROPERTY)
        != null) {
      refuseStrictAnnotation(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    }
  }

  /**
   * Beside Quarkus's own CORS filter the module stands aside: strict mode asked for by an
   * annotation would silently vanish there, so it fails the deployment (API.md v1.3).
   */
  private static void refuseStrictAnnotation(Class<?> resourceClass, Method method) {
    for (AnnotatedElement place : new AnnotatedElement[] {method, resourceClass}) {
      CorsAllowed allowed = place == null ? null : place.getAnnotation(CorsAllowed.class);
      if (allowed != null
          && !allowed.rejectDisallowed().isBlank()
          && !allowed.rejectDisallowed().strip().equalsIgnoreCase("false")) {
        throw new InvalidCorsConfigurationException(
            "CORS: quarkus.http.cors.enabled=true and @CorsAllowed(rejectDisallowed) on "
                + (place == method
                    ? resourceClass.getName() + "#" + method.getName()
                    : resourceClass.getName())
                + " are both set: Quarkus's own CORS filter answers before cors-jaxrs, so strict"
                + " mode would not be given; set quarkus.http.cors.enabled=false to let cors-jaxrs"
                + " answer");
      }
    }
  }
}
