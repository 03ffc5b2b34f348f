package dev.corsjaxrs.servlet;

import dev.corsjaxrs.config.Deployments;
import dev.corsjaxrs.config.PolicyResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Found by a Jakarta Servlet 6 container in the jar's {@code META-INF/services}, at deployment:
 * validates the CORS configuration keys (global and named policies), so that a bad value fails the
 * deployment on every servlet container, including those that start Jakarta REST only with the
 * first request; and registers {@link CorsServletFilter} for the paths of {@code
 * cors.servlet.paths}, only where that key is set.
 */
public final class CorsServletInitializer implements ServletContainerInitializer {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  /** Created by the servlet container. */
  public CorsServletInitializer() {}

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    Config config;
    try {
      config = ConfigProvider.getConfig(context.getClassLoader());
    } catch (LinkageError | IllegalStateException e) {
      return; // no MicroProfile Config here: the key cannot be set
    }
    // Read and validate the configuration now, whether or not servlet paths are set: on servers
    // that start Jakarta REST only with the first request (Open Liberty), this is what makes a bad
    // configuration fail the deployment.
    PolicyResolver resolver = Deployments.of(config);
    // Held for the application's life: Jakarta REST, started later, shares it.
    context.setAttribute(PolicyResolver.class.getName(), resolver);
    List<String> items = resolver.servletPaths();
    if (!resolver.enabled() || items.isEmpty()) {
      return;
    }
    List<String> patterns = new ArrayList<>();
    for (String path : items) {
      patterns.add(path.equals("*") ? "/*" : "/" + path);
    }
    CorsServletFilter filter = new CorsServletFilter(resolver, context);
    FilterRegistration.Dynamic registration = context.addFilter("cors-jaxrs", filter);
    if (registration == null) {
      return; // registered already
    }
    registration.setAsyncSupported(true);
    registration.addMappingForUrlPatterns(
        EnumSet.of(DispatcherType.REQUEST), false, patterns.toArray(new String[0]));
    for (String path : items) {
      LOG.log(
          System.Logger.Level.INFO,
          "CORS servlet /{0} ({1}): {2}",
          path,
          "cors.servlet.paths",
          resolver.forPath(path.endsWith("/*") ? path.substring(0, path.length() - 2) : path));
    }
  }
}
