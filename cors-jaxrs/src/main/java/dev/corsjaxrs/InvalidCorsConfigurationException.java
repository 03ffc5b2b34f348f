package dev.corsjaxrs;

/**
 * Thrown at deployment when the CORS configuration is invalid. The message names the value, where
 * it was set (a configuration key, or an annotation attribute on {@code Class#method}) and why it
 * is refused, so that the deployment stops with one clear line.
 */
public class InvalidCorsConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, where it was set and why
   */
  public InvalidCorsConfigurationException(String message) {
    super(message);
  }
}
