package dev.corsjaxrs.config;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Looks a bean up in the application's CDI container. Only touched after {@link #isPresent()}:
 * where the CDI API is absent (Jersey or RESTEasy on their own), this class is never loaded.
 */
final class CdiBeans {

  private CdiBeans() {}

  /** Whether the CDI API is visible (a container may still be absent). */
  static boolean isPresent() {
    try {
      Class.forName("jakarta.enterprise.inject.spi.CDI", false, CdiBeans.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The bean of a class, where a running CDI container has exactly one.
   *
   * @return the bean, or null without a container or a bean
   */
  static <T> T find(Class<T> type) {
    try {
      Instance<T> instance = CDI.current().select(type);
      return instance.isResolvable() ? instance.get() : null;
    } catch (RuntimeException | LinkageError e) {
      return null; // no container
    }
  }
}
