package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cors.servlet.paths} where cors-jaxrs-servlet is not deployed fails the deployment, naming
 * the artifact (API.md v1.3): a JVM of its own, on this execution's runtime, whose class path is
 * this one's less the servlet door.
 */
class ServletDoorAbsentTest {

  /** The child: tries to deploy, and says how it went on its first line. */
  public static final class Server {
    private Server() {}

    public static void main(String[] args) {
      try {
        TestServer server =
            TestServer.start(
                Map.of(
                    "cors.allowed-origins", "https://app.example.com",
                    "cors.servlet.paths", "/files/*"),
                Resources.Items.class);
        System.out.println("PORT " + server.port);
        server.close();
      } catch (RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null
            && !(cause instanceof dev.corsjaxrs.InvalidCorsConfigurationException)) {
          cause = cause.getCause();
        }
        System.out.println("PORT -1 " + cause.getClass().getName() + ": " + cause.getMessage());
      }
      System.exit(0);
    }
  }

  @Test
  void servletPathsWithoutTheServletArtifactFailTheDeploymentNamingIt() throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            Server.class, List.of(), Map.of(), entry -> !entry.contains("cors-jaxrs-servlet"))) {
      assertThat(child.firstLine)
          .as("stderr: %s", child.errors())
          .contains("InvalidCorsConfigurationException")
          .contains("cors.servlet.paths is set ([files/*]) but the servlet door is not deployed")
          .contains("dev.corsjaxrs:cors-jaxrs-servlet");
    }
  }
}
