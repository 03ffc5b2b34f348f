package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Sees every resource method the runtime shows at deployment and hands it to the {@link
 * ResourceScanner}, which reads (and validates) its class once, and notes how often the runtime
 * serves it.
 */
public final class ResourceCollector implements DynamicFeature {

  private final ResourceScanner scanner;
  private final StartupMap startupMap;
  private volatile boolean listedRead;

  ResourceCollector(ResourceScanner scanner, StartupMap startupMap) {
    this.scanner = scanner;
    this.startupMap = startupMap;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    if (!listedRead) {
      listedRead = true;
      ListedResources.ofResteasy(Thread.currentThread().getContextClassLoader())
          .forEach(scanner::add);
      startupMap.write();
    }
    Class<?> resourceClass = resourceInfo.getResourceClass();
    if (resourceClass != null && resourceInfo.getResourceMethod() != null) {
      scanner.shown(resourceClass, resourceInfo.getResourceMethod());
    }
  }
}
