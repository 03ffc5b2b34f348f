package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsAllowed;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Strict mode per resource (API.md v1.3): {@code @CorsAllowed(rejectDisallowed = ...)} on a class
 * or method, and its configuration override, with the usual precedence, so that it can be rolled
 * out (or reported) one resource at a time.
 */
class StrictPerResourceWireTest {

  static final String APP = "https://app.example.com";
  static final String EVIL = "https://evil.example";
  static final AtomicInteger CALLS = new AtomicInteger();

  /** Strict as a class, but one method is let through. */
  @Path("accounts")
  @CorsAllowed(rejectDisallowed = "true")
  public static class Accounts {
    @POST
    public String create(String body) {
      CALLS.incrementAndGet();
      return "created";
    }

    @PUT
    @CorsAllowed(rejectDisallowed = "false")
    public String replace(String body) {
      CALLS.incrementAndGet();
      return "replaced";
    }

    @DELETE
    @CorsAllowed(rejectDisallowed = "report")
    public String remove() {
      CALLS.incrementAndGet();
      return "removed";
    }
  }

  /** No annotation: the configuration and named policies decide. */
  @Path("plain")
  public static class Plain {
    @POST
    public String create(String body) {
      CALLS.incrementAndGet();
      return "created";
    }
  }

  /** Under a strict named policy's path, but the method says false. */
  @Path("admin")
  public static class Admin {
    @POST
    @CorsAllowed(rejectDisallowed = "false")
    public String create(String body) {
      CALLS.incrementAndGet();
      return "created";
    }

    @PUT
    public String replace(String body) {
      CALLS.incrementAndGet();
      return "replaced";
    }
  }

  static Response send(TestServer server, String method, String path) {
    io.restassured.specification.RequestSpecification spec = Wire.from(server, EVIL);
    if (!method.equals("DELETE")) {
      spec = spec.body("x").contentType("text/plain");
    }
    return spec.request(method, path);
  }

  static TestServer start(Map<String, String> config) {
    return TestServer.start(config, Accounts.class, Plain.class, Admin.class);
  }

  @Test
  void aClassLevelTrueBesideAMethodLevelFalseAndReport() {
    try (LogCapture reports = LogCapture.of("dev.corsjaxrs.report");
        TestServer server = start(Map.of("cors.allowed-origins", APP))) {
      int before = CALLS.get();
      Response refused = send(server, "POST", "/accounts");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertNoCorsHeaders(refused);
      assertThat(CALLS.get()).as("the resource never ran").isEqualTo(before);

      assertThat(send(server, "PUT", "/accounts").statusCode()).isEqualTo(200);
      assertThat(send(server, "DELETE", "/accounts").statusCode())
          .as("report mode answers as false")
          .isEqualTo(200);
      assertThat(send(server, "POST", "/plain").statusCode()).as("not strict").isEqualTo(200);
      Response allowed =
          Wire.from(server, APP).body("x").contentType("text/plain").post("/accounts");
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertHeader(allowed, "Access-Control-Allow-Origin", APP);

      SimpleFormatter formatter = new SimpleFormatter();
      List<String> lines =
          reports.records.stream().map((LogRecord r) -> formatter.formatMessage(r)).toList();
      assertThat(lines)
          .singleElement()
          .asString()
          .startsWith("CORS report: strict mode would refuse DELETE /accounts from " + EVIL)
          .contains(
              "(reject-disallowed=report in @CorsAllowed(rejectDisallowed) on "
                  + Accounts.class.getName()
                  + "#remove)");
    }
  }

  @Test
  void theConfigurationOverridesTheAnnotation() {
    try (TestServer server =
        start(
            Map.of(
                "cors.allowed-origins",
                APP,
                Accounts.class.getName() + "/CorsAllowed/rejectDisallowed",
                "false",
                Plain.class.getName() + "/create/CorsAllowed/rejectDisallowed",
                "true"))) {
      assertThat(send(server, "POST", "/accounts").statusCode())
          .as("the class override beats the class annotation")
          .isEqualTo(200);
      assertThat(send(server, "DELETE", "/accounts").statusCode()).isEqualTo(200);
      assertThat(send(server, "POST", "/plain").statusCode())
          .as("a method override on a method without annotation")
          .isEqualTo(403);
    }
  }

  @Test
  void aMethodAnnotationBeatsTheNamedPolicyOfItsPath() {
    try (TestServer server =
        start(
            Map.of(
                "cors.allowed-origins", APP,
                "cors.policy.admin.paths", "/admin",
                "cors.policy.admin.reject-disallowed", "true"))) {
      assertThat(send(server, "POST", "/admin").statusCode()).isEqualTo(200);
      assertThat(send(server, "PUT", "/admin").statusCode())
          .as("the named policy's strict mode where no annotation says otherwise")
          .isEqualTo(403);
    }
  }

  @Test
  void globalStrictModeIsTurnedOffByAMethod() {
    try (TestServer server =
        start(Map.of("cors.allowed-origins", APP, "cors.reject-disallowed", "true"))) {
      assertThat(send(server, "PUT", "/accounts").statusCode()).isEqualTo(200);
      assertThat(send(server, "POST", "/plain").statusCode()).isEqualTo(403);
      Response preflight = Wire.preflight(server, EVIL, "/accounts", "PUT");
      assertThat(preflight.statusCode())
          .as("a refused preflight is 403 in every mode")
          .isEqualTo(403);
    }
  }

  @Test
  void aBadValueFailsTheDeploymentNamingTheAttribute() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> start(Map.of(Plain.class.getName() + "/CorsAllowed/rejectDisallowed", "maybe")))
        .hasStackTraceContaining("'maybe'")
        .hasStackTraceContaining(Plain.class.getName() + "/CorsAllowed/rejectDisallowed")
        .hasStackTraceContaining("true, false or report");
  }
}
