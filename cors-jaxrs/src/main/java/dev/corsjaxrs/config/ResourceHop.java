package dev.corsjaxrs.config;

import java.lang.reflect.Method;

/**
 * One step on the way from a root resource to a resource method: a class and the method of it that
 * was taken (a resource method, or a sub-resource locator). Never a map key.
 */
public final class ResourceHop {

  private final Class<?> type;
  private final Method method;

  /**
   * A step.
   *
   * @param type the resource class
   * @param method the method taken, or null where only the class is known
   */
  public ResourceHop(Class<?> type, Method method) {
    this.type = type;
    this.method = method;
  }

  /**
   * The resource class.
   *
   * @return the class
   */
  public Class<?> type() {
    return type;
  }

  /**
   * The method taken.
   *
   * @return the method, or null
   */
  public Method method() {
    return method;
  }

  /**
   * Where the hop is, for messages: {@code Class#method}, or {@code Class}.
   *
   * @return the place
   */
  public String place() {
    return method == null ? type.getName() : type.getName() + "#" + method.getName();
  }
}
