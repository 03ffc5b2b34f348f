package dev.corsjaxrs.helidon;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.it.WireChecks;
import io.restassured.response.Response;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Helidon MP 4 (its core bundle: CDI, config, server and Jersey) serving the servers run's
 * application, started as users start it ({@code io.helidon.microprofile.cdi.Main}) on the Java of
 * {@code -Dservers.java21}: the module is found with no registration code, and the same wire checks
 * pass. Helidon's own MP CORS module beside it is named at deployment.
 */
class HelidonMpTest {

  static final Path TARGET = Path.of("target");

  @Test
  void theWireChecksOfEveryServer() throws Exception {
    try (Helidon helidon = Helidon.start("helidon", List.of())) {
      WireChecks.checkTheWire(helidon.base);
      String log = helidon.log();
      assertThat(log)
          .contains("Helidon MP 4.")
          .contains(
              "CORS /greetings [GET]: origins=[https://app.example.com] (cors.allowed-origins)")
          .contains(
              "CORS /tenants [GET, PUT]: origins=[https://app.example.com] + check"
                  + " dev.corsjaxrs.it.war.TenantOrigins");
      assertThat(log.lines().filter(line -> line.startsWith("WARNING: CORS"))).isEmpty();
      log.lines()
          .filter(line -> line.contains("Helidon MP 4.") || line.contains("since JVM startup"))
          .forEach(line -> System.err.println("servers: helidon: " + line));
    }
  }

  @Test
  void strictMode() throws Exception {
    try (Helidon helidon =
        Helidon.start("helidon-strict", List.of("-Dcors.reject-disallowed=true"))) {
      WireChecks.checkStrictMode(helidon.base);
    }
  }

  /**
   * Strict mode set by an environment variable alone, read through Helidon's own MicroProfile Config
   * implementation (API.md v1.3); another tool's {@code CORS_} variables change nothing.
   */
  @Test
  void strictModeFromEnvironmentVariables() throws Exception {
    try (Helidon helidon =
        Helidon.start(
            "helidon-environment",
            List.of(),
            Map.of(
                "CORS_REJECT_DISALLOWED", "true",
                "CORS_SOMETHING_ELSE", "another tool's variable",
                "CORS_KIT_DIR", "/tmp/kit"))) {
      WireChecks.checkStrictMode(helidon.base);
      assertThat(helidon.log().lines().filter(line -> line.startsWith("WARNING: CORS"))).isEmpty();
    }
  }

  /**
   * Helidon's own MP CORS module on the class path as well, unconfigured: it allows every origin
   * and writes before this module's response filter, which names it at deployment, says so at the
   * first response that already carries its header, and answers in its place: a refusal stays a
   * refusal, and no header is sent twice.
   */
  @Test
  void helidonsOwnCorsModuleIsNamedAndOverruled() throws Exception {
    try (Helidon helidon =
        Helidon.start("helidon-second-layer", List.of(), TARGET.resolve("helidon-cors"))) {
      Response refused =
          given().header("Origin", "https://evil.example").get(helidon.base + "/greetings");
      assertThat(refused.statusCode()).isEqualTo(200);
      assertThat(refused.headers().getValues("Access-Control-Allow-Origin")).isEmpty();
      Response allowed =
          given().header("Origin", "https://app.example.com").get(helidon.base + "/greetings");
      assertThat(allowed.headers().getValues("Access-Control-Allow-Origin"))
          .containsExactly("https://app.example.com");
      assertThat(allowed.headers().getValues("Access-Control-Expose-Headers"))
          .containsExactly("X-Count");
      Response disabled =
          given()
              .header("Origin", "https://app.example.com")
              .header("Access-Control-Request-Method", "DELETE")
              .options(helidon.base + "/greetings");
      assertThat(disabled.statusCode()).isEqualTo(403);
      assertThat(disabled.headers().getValues("Access-Control-Allow-Origin")).isEmpty();
      assertThat(helidon.log().lines().filter(line -> line.startsWith("WARNING: CORS")))
          .satisfiesExactly(
              atDeployment ->
                  assertThat(atDeployment)
                      .startsWith(
                          "WARNING: CORS: Helidon's CORS module"
                              + " (io.helidon.microprofile:helidon-microprofile-cors) is on the"
                              + " class path"),
              atTheFirstResponse ->
                  assertThat(atTheFirstResponse)
                      .startsWith(
                          "WARNING: CORS: GET /greetings already carried"
                              + " Access-Control-Allow-Origin: * before cors-jaxrs answered"));
    }
  }

  /** Helidon MP started in a JVM of its own, on a free port, logging to a file. */
  static final class Helidon implements AutoCloseable {
    final Process process;
    final Path logFile;
    final String base;

    private Helidon(Process process, Path logFile, String base) {
      this.process = process;
      this.logFile = logFile;
      this.base = base;
    }

    static Helidon start(String name, List<String> properties, Path... extraJars) throws Exception {
      return start(name, properties, Map.of(), extraJars);
    }

    static Helidon start(
        String name, List<String> properties, Map<String, String> environment, Path... extraJars)
        throws Exception {
      String java = System.getProperty("servers.java21", "");
      assertThat(java)
          .as("-Dservers.java21: a Java 21 or newer to start Helidon MP 4 with")
          .isNotBlank();
      StringBuilder classPath = new StringBuilder(TARGET.resolve("classes").toString());
      classPath
          .append(File.pathSeparator)
          .append(Files.readString(TARGET.resolve("runtime.classpath")).strip());
      for (Path dir : extraJars) {
        try (var jars = Files.list(dir)) {
          jars.forEach(jar -> classPath.append(File.pathSeparator).append(jar));
        }
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      List<String> command = new ArrayList<>(List.of(java, "-Dserver.port=" + port));
      command.addAll(properties);
      command.addAll(List.of("-cp", classPath.toString(), "io.helidon.microprofile.cdi.Main"));
      Path log = TARGET.resolve(name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      Helidon helidon = new Helidon(process, log, "http://127.0.0.1:" + port + "/api");
      long begin = System.nanoTime();
      try {
        helidon.waitUntilUp();
        System.err.printf(
            Locale.ROOT,
            "servers: %s up in %.1f s (JDK default logging)%n",
            name,
            (System.nanoTime() - begin) / 1e9);
      } catch (Exception | AssertionError e) {
        helidon.close();
        throw e;
      }
      return helidon;
    }

    private void waitUntilUp() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("Helidon (see %s)", logFile).isTrue();
        try {
          HttpURLConnection connection =
              (HttpURLConnection) URI.create(base + "/greetings").toURL().openConnection();
          connection.setConnectTimeout(1000);
          if (connection.getResponseCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(300);
      }
      throw new AssertionError("Helidon not up within 120 s (see " + logFile + ")");
    }

    String log() throws IOException {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
