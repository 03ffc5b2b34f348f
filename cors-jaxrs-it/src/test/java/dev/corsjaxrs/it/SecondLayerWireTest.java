package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.assertNoHeader;
import static dev.corsjaxrs.it.Wire.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Another CORS layer in the same application (here a response filter of its own that allows every
 * origin with credentials): the response carries this module's answer only, each header once, a
 * refusal stays a refusal, and one WARNING says so at the first such response. On Jersey 4, Jersey
 * 3.1 and RESTEasy.
 */
class SecondLayerWireTest {

  static final String APP = "https://app.example.com";
  static final String EVIL = "https://evil.example";

  /** A naive CORS layer: every origin, with credentials, on every response. */
  public static class AllowEverything implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      String origin = request.getHeaderString("Origin");
      response.getHeaders().add("Access-Control-Allow-Origin", origin == null ? "*" : origin);
      response.getHeaders().add("Access-Control-Allow-Credentials", "true");
    }
  }

  @Test
  void theModulesAnswerReplacesTheOtherLayersAndOneWarningNamesIt() {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs");
        TestServer server =
            TestServer.start(
                Map.of("cors.allowed-origins", APP),
                Resources.Items.class,
                AllowEverything.class)) {
      Response allowed = from(server, APP).get("/items");
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertHeader(allowed, "Access-Control-Allow-Origin", APP);
      assertNoHeader(allowed, "Access-Control-Allow-Credentials");
      Response refused = from(server, EVIL).get("/items");
      assertThat(refused.statusCode()).isEqualTo(200);
      assertNoCorsHeaders(refused);
      from(server, EVIL).get("/items");

      List<LogRecord> warnings =
          log.records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
      assertThat(warnings).hasSize(1);
      assertThat(new SimpleFormatter().formatMessage(warnings.get(0)))
          .startsWith(
              "CORS: GET /items already carried Access-Control-Allow-Origin: "
                  + APP
                  + " before cors-jaxrs answered: another CORS layer is active");
    }
  }

  @Test
  void quarkusKeysMeanNothingOffQuarkus() {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs");
        TestServer server =
            TestServer.start(
                Map.of("cors.allowed-origins", APP, "quarkus.http.cors.enabled", "true"),
                Resources.Items.class)) {
      assertHeader(from(server, APP).get("/items"), "Access-Control-Allow-Origin", APP);
      assertThat(log.aboveInfo()).isEmpty();
    }
  }
}
