package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deployment log says what each path allows; refusals are logged at FINE, and only there. */
class LoggingTest {

  private final Logger module = Logger.getLogger("dev.corsjaxrs");
  private Level previousLevel;
  private LogCapture log;
  private List<LogRecord> records;

  @BeforeEach
  void capture() {
    previousLevel = module.getLevel();
    module.setLevel(Level.FINE);
    log = LogCapture.of("", "org.apache.cxf"); // CXF logs each 4xx at WARNING: kept here
    records = log.records;
  }

  @AfterEach
  void release() {
    log.close();
    module.setLevel(previousLevel);
  }

  private List<String> messages(Level level, String loggerPrefix) {
    return records.stream()
        .filter(r -> r.getLevel().equals(level) && r.getLoggerName().startsWith(loggerPrefix))
        .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
        .flatMap(String::lines) // the startup map is one record per root class, a line per path
        .collect(Collectors.toList());
  }

  @Test
  void deploymentLogsOneInfoLinePerPathWithItsSources() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", "https://app.example.com"),
            Resources.Items.class,
            Resources.Partner.class)) {
      server.startupMapWritten();
      List<String> info = messages(Level.INFO, "dev.corsjaxrs");
      assertThat(info)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("CORS /items/{id} [GET, PUT, PATCH, DELETE, OPTIONS]:")
                      .contains("origins=[https://app.example.com] (cors.allowed-origins)")
                      .contains("methods=[GET, HEAD, PUT, PATCH, DELETE, OPTIONS]")
                      .contains("credentials=false (built-in default)")
                      .contains("max-age=1800 (built-in default)"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("CORS /partner [PUT]:")
                      .contains(
                          "origins=[https://admin.example.org] (@CorsAllowed(origins) on"
                              + " dev.corsjaxrs.it.Resources$Partner#update)")
                      .contains(
                          "credentials=true (@CorsAllowed(allowCredentials) on"
                              + " dev.corsjaxrs.it.Resources$Partner)"));
      assertThat(info.stream().filter(l -> l.startsWith("CORS /items/{id} "))).hasSize(1);
    }
  }

  @Test
  void tenThousandListedOriginsKeepTheStartupLogUnderOneMegabyte() {
    String origins =
        java.util.stream.IntStream.range(0, 10_000)
            .mapToObj(i -> "https://tenant" + i + ".example.com")
            .collect(Collectors.joining(","));
    java.util.logging.SimpleFormatter console = new java.util.logging.SimpleFormatter();
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", origins, "cors.policy.p.paths", "/public/*"),
            Resources.Items.class,
            Resources.Partner.class,
            Resources.Internal.class,
            Resources.Public.class,
            Resources.ReadOnly.class)) {
      server.startupMapWritten();
      long bytes =
          records.stream()
              .mapToLong(
                  r -> console.format(r).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
              .sum();
      assertThat(bytes).as("bytes the JDK's console handler would print").isLessThan(1_000_000);
      assertThat(messages(Level.INFO, "dev.corsjaxrs"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("CORS /items/{id} ")
                      .contains(
                          "origins=[https://tenant0.example.com, https://tenant1.example.com,"
                              + " https://tenant2.example.com, https://tenant3.example.com,"
                              + " https://tenant4.example.com, ... 9995 more]"
                              + " (cors.allowed-origins)"));
    }
  }

  @Test
  void refusalsAreExplainedAtFineAndNothingAboveFine() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", "https://app.example.com"), Resources.Items.class)) {
      server.startupMapWritten();
      records.clear();
      preflight(server, "https://evil.example", "/items/1", "PUT");
      preflight(server, "https://app.example.com", "/items", "DELETE");
      from(server, "https://evil.example").get("/items");
      from(server, "https://evil.example\u0001/x").get("/items");
      preflight(server, "https://app.example.com", "/items/1", "PUT", "x-a, b@d");

      assertThat(messages(Level.FINE, "dev.corsjaxrs"))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("preflight PUT /items/1")
                      .contains(
                          "origin https://evil.example is not allowed: only"
                              + " [https://app.example.com] (from cors.allowed-origins)"))
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains("method DELETE is not allowed: only GET, HEAD, POST")
                      .contains("methods implemented by /items"))
          .anySatisfy(l -> assertThat(l).contains("GET /items").contains("is not an origin"))
          .anySatisfy(l -> assertThat(l).contains("'b@d', not a header name"));
      assertThat(
              log.aboveFine().stream().filter(r -> r.getLoggerName().startsWith("dev.corsjaxrs")))
          .as("module log records above FINE while serving bad requests")
          .isEmpty();
    }
  }
}
