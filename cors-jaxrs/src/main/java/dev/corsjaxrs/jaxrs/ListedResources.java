package dev.corsjaxrs.jaxrs;

import jakarta.ws.rs.core.Application;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The classes a runtime lists for the application at deployment, so that root resources with
 * nothing but sub-resource locators, which no runtime shows to a {@code DynamicFeature}, are read
 * too. Jersey lists them in the feature's {@code Configuration}; RESTEasy keeps the {@link
 * Application} and its deployment (scanned classes included) in its context, read here by
 * reflection so that no RESTEasy type is needed. Anything unexpected gives an empty list: a
 * locator-only root is then read at its first matched request.
 */
final class ListedResources {

  private static final String RESTEASY_CONTEXT = "org.jboss.resteasy.core.ResteasyContext";
  private static final String RESTEASY_DEPLOYMENT = "org.jboss.resteasy.spi.ResteasyDeployment";

  private ListedResources() {}

  /**
   * What RESTEasy lists, where the running deployment is RESTEasy's.
   *
   * @param loader a class loader that sees the runtime
   * @return the application's classes and those the deployment scanned; empty elsewhere
   */
  @SuppressWarnings("deprecation") // getSingletons: applications still list resources there
  static List<Class<?>> ofResteasy(ClassLoader loader) {
    List<Class<?>> classes = new ArrayList<>();
    if (loader == null) {
      return classes;
    }
    try {
      Class<?> context = Class.forName(RESTEASY_CONTEXT, false, loader);
      Method data = context.getMethod("getContextData", Class.class);
      if (data.invoke(null, Application.class) instanceof Application application) {
        classes.addAll(application.getClasses());
        application.getSingletons().forEach(singleton -> classes.add(singleton.getClass()));
      }
      Class<?> deploymentType = Class.forName(RESTEASY_DEPLOYMENT, false, loader);
      Object deployment = data.invoke(null, deploymentType);
      if (deployment != null) {
        addAll(classes, deploymentType.getMethod("getActualResourceClasses").invoke(deployment));
        for (String listing : List.of("getScannedResourceClasses", "getResourceClasses")) {
          if (deploymentType.getMethod(listing).invoke(deployment) instanceof Collection<?> names) {
            for (Object name : names) {
              classes.add(Class.forName(String.valueOf(name), false, loader));
            }
          }
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // not RESTEasy, or another shape of it: nothing listed
    }
    return classes;
  }

  private static void addAll(List<Class<?>> classes, Object listed) {
    if (listed instanceof Collection<?> items) {
      for (Object item : items) {
        if (item instanceof Class<?> type) {
          classes.add(type);
        }
      }
    }
  }
}
