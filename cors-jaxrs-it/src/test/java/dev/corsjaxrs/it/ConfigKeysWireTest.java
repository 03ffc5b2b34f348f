package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every global key set at once, on the wire. */
class ConfigKeysWireTest {

  static final String APP = "https://app.example.com";
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                "https://App.Example.com/ , null",
                "cors.allowed-methods",
                "GET,PUT",
                "cors.allowed-headers",
                "X-Token, Content-Type",
                "cors.exposed-headers",
                "X-Deleted",
                "cors.allow-credentials",
                "true",
                "cors.max-age",
                "60",
                "cors.policy.exact.paths",
                "/items/varied",
                "cors.policy.exact.max-age",
                "7",
                "dev.corsjaxrs.it.Resources$Partner/update/CorsAllowed/origins",
                "https://ops.example.org"),
            Resources.Items.class,
            Resources.Partner.class,
            Resources.ReadOnly.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void globalKeysShapeThePreflightAnswer() {
    Response response = preflight(server, APP, "/items/1", "PUT", "content-type,x-token");
    assertThat(response.statusCode()).isEqualTo(200);
    assertHeader(response, "Access-Control-Allow-Origin", APP);
    assertHeader(response, "Access-Control-Allow-Credentials", "true");
    assertHeader(response, "Access-Control-Allow-Methods", "GET, PUT, HEAD");
    assertHeader(response, "Access-Control-Allow-Headers", "X-Token, Content-Type");
    assertHeader(response, "Access-Control-Max-Age", "60");
  }

  @Test
  void configuredMethodsReplaceTheImplementedOnes() {
    assertThat(preflight(server, APP, "/items/1", "PATCH").statusCode()).isEqualTo(403);
    assertThat(preflight(server, APP, "/items/1", "DELETE").statusCode()).isEqualTo(403);
  }

  @Test
  void headersOutsideTheConfiguredListAreRefused() {
    Response response = preflight(server, APP, "/items/1", "PUT", "x-token,x-other");
    assertThat(response.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(response);
  }

  @Test
  void actualResponsesCarryCredentialsAndExposedHeaders() {
    Response response = from(server, APP).delete("/items/1");
    assertThat(response.statusCode()).isEqualTo(204);
    assertHeader(response, "Access-Control-Allow-Origin", APP);
    assertHeader(response, "Access-Control-Allow-Credentials", "true");
    assertHeader(response, "Access-Control-Expose-Headers", "X-Deleted");
  }

  @Test
  void nullOriginIsAllowedWhenListed() {
    assertHeader(from(server, "null").get("/items"), "Access-Control-Allow-Origin", "null");
  }

  @Test
  void namedPolicyOnAnExactPath() {
    assertHeader(
        preflight(server, APP, "/items/varied", "GET", "x-token"), "Access-Control-Max-Age", "7");
    assertHeader(
        preflight(server, APP, "/items/1", "GET", "x-token"), "Access-Control-Max-Age", "60");
  }

  @Test
  void methodConfigKeyOverridesMethodAnnotation() {
    Response ops = preflight(server, "https://ops.example.org", "/partner", "PUT", "x-token");
    assertThat(ops.statusCode()).isEqualTo(200);
    assertHeader(ops, "Access-Control-Allow-Origin", "https://ops.example.org");
    assertThat(preflight(server, "https://admin.example.org", "/partner", "PUT").statusCode())
        .isEqualTo(403);
  }

  @Test
  void annotationMethodsAndPrivateNetwork() {
    Response get =
        from(server, APP)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Private-Network", "true")
            .options("/readonly");
    assertThat(get.statusCode()).isEqualTo(200);
    assertHeader(get, "Access-Control-Allow-Methods", "GET, HEAD");
    assertHeader(get, "Access-Control-Allow-Private-Network", "true");
    assertThat(preflight(server, APP, "/readonly", "PUT").statusCode()).isEqualTo(403);
  }
}
