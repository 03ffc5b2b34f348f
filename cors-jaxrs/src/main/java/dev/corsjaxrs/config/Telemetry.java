package dev.corsjaxrs.config;

import dev.corsjaxrs.core.RequestCounter;

/**
 * Finds where a deployment counts its requests: the {@code cors.requests} counter where the
 * OpenTelemetry API is visible to the application, else nowhere. Without that API this class loads
 * none of its types, and nothing is logged above FINE.
 */
final class Telemetry {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  private Telemetry() {}

  /**
   * The deployment's counter: OpenTelemetry's where its API is visible, else {@link
   * RequestCounter#NONE}.
   */
  static RequestCounter counter() {
    try {
      Class.forName("io.opentelemetry.api.OpenTelemetry", false, Telemetry.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError absent) {
      LOG.log(System.Logger.Level.DEBUG, "CORS telemetry off: no OpenTelemetry API visible");
      return RequestCounter.NONE;
    }
    try {
      return OpenTelemetryCounter.create();
    } catch (RuntimeException | LinkageError broken) {
      LOG.log(System.Logger.Level.DEBUG, "CORS telemetry off: " + broken);
      return RequestCounter.NONE;
    }
  }
}
