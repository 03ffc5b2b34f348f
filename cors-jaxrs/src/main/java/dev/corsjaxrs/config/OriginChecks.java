package dev.corsjaxrs.config;

import dev.corsjaxrs.CorsOriginCheck;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;

/**
 * The deployment's {@link CorsOriginCheck} instances, one per class: the CDI bean of the class
 * where CDI is present and has one, otherwise a new instance through its public no-argument
 * constructor. Anything else fails the deployment, naming the class and where it was set.
 */
final class OriginChecks {

  private final Map<String, CorsOriginCheck> instances = new HashMap<>();

  /**
   * The instance of a check class.
   *
   * @param className the fully qualified class name
   * @param source the key or annotation that names it
   * @return the instance, the same for every place that names the class
   * @throws InvalidCorsConfigurationException where the class is missing, not a check, or has
   *     neither a CDI bean nor a public no-argument constructor
   */
  synchronized CorsOriginCheck instance(String className, String source) {
    CorsOriginCheck known = instances.get(className);
    if (known == null) {
      known = create(className, source);
      instances.put(className, known);
    }
    return known;
  }

  private static CorsOriginCheck create(String className, String source) {
    Class<?> type = load(className, source);
    if (!CorsOriginCheck.class.isAssignableFrom(type)) {
      throw invalid(className, source, "it does not implement " + CorsOriginCheck.class.getName());
    }
    Class<? extends CorsOriginCheck> checkType = type.asSubclass(CorsOriginCheck.class);
    CorsOriginCheck bean = CdiBeans.isPresent() ? CdiBeans.find(checkType) : null;
    if (bean != null) {
      return bean;
    }
    try {
      return checkType.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw invalid(
          className,
          source,
          "CDI has no bean of it and it has no public no-argument constructor (make it a CDI bean,"
              + " e.g. @ApplicationScoped, or give it a public constructor without arguments)");
    } catch (InstantiationException e) {
      throw invalid(className, source, "it is abstract or an interface");
    } catch (InvocationTargetException e) {
      InvalidCorsConfigurationException failure =
          invalid(className, source, "its constructor threw " + e.getCause());
      failure.initCause(e.getCause());
      throw failure;
    }
  }

  private static Class<?> load(String className, String source) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    for (ClassLoader loader : new ClassLoader[] {context, OriginChecks.class.getClassLoader()}) {
      if (loader == null) {
        continue;
      }
      try {
        return Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next loader
      }
    }
    throw invalid(className, source, "no such class is visible to the application");
  }

  private static InvalidCorsConfigurationException invalid(
      String className, String source, String reason) {
    return new InvalidCorsConfigurationException(
        "Invalid CORS origin check '" + className + "' in " + source + ": " + reason);
  }
}
