package dev.corsjaxrs.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Quarkus's own CORS filter beside the protections only this module gives (API.md v1.3 "Settled"):
 * with strict mode or {@code cors.allowed-hosts} configured, the module does not stand aside but
 * fails the deployment, naming both keys, so a protection the operator asked for never silently
 * vanishes. The packaged application ({@code target/quarkus-app}) is started as a user starts it:
 * a deployment that fails cannot be a {@code @QuarkusTest}.
 */
class QuarkusCorsBesideProtectionsIT {

  /** Starts the packaged application with these system properties; returns its exit and output. */
  static String runExpectingFailure(String... properties) throws Exception {
    Path output = Files.createTempFile("quarkus-run", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0"));
    command.addAll(List.of(properties));
    command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      boolean exited = process.waitFor(90, TimeUnit.SECONDS);
      String text = read(output);
      assertThat(exited).as("the application stopped by itself: %s", text).isTrue();
      assertThat(process.exitValue()).as("its exit status: %s", text).isNotZero();
      return text;
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }

  private static String read(Path output) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  @Test
  void strictModeBesideQuarkusCorsFailsTheDeploymentNamingBothKeys() throws Exception {
    assertThat(
            runExpectingFailure(
                "-Dquarkus.http.cors.enabled=true",
                "-Dcors.reject-disallowed=report",
                "-Dcors.allowed-hosts="))
        .contains(
            "CORS: quarkus.http.cors.enabled=true and cors.reject-disallowed are both set:"
                + " Quarkus's own CORS filter answers before cors-jaxrs")
        .contains("set quarkus.http.cors.enabled=false");
  }

  @Test
  void theHostCheckBesideQuarkusCorsFailsTheDeploymentNamingBothKeys() throws Exception {
    // application.properties sets cors.allowed-hosts=localhost
    assertThat(runExpectingFailure("-Dquarkus.http.cors.enabled=true"))
        .contains("CORS: quarkus.http.cors.enabled=true and cors.allowed-hosts are both set");
  }
}
