package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * The corrections of API.md v1.3 on the wire: an {@code OPTIONS} without {@code
 * Access-Control-Request-Method} is an actual request; {@code Sec-Fetch-Site: same-origin} beside a
 * foreign {@code Origin} is cross-origin; one reading of forwarded headers serves the host check
 * and the own origin, every item of a forwarded host list is checked; report lines never speak in
 * the name of one of several {@code Origin} lines.
 */
class CorrectionsV13WireTest {

  static final String APP = "http://foobar.com";

  /** Item 6: an OPTIONS request without Access-Control-Request-Method gets the allowed origin. */
  @Test
  void anActualOptionsRequestFromAnAllowedOriginGetsTheAllowedOrigin() {
    try (TestServer server =
        TestServer.start(Map.of("cors.allowed-origins", APP), Resources.Items.class)) {
      for (String path : List.of("/items", "/items/1")) {
        Response response = Wire.from(server, APP).options(path);
        assertThat(response.statusCode()).as(path).isBetween(200, 299);
        assertHeader(response, "Access-Control-Allow-Origin", APP);
        assertThat(response.headers().getValues("Vary").toString()).contains("Origin");
      }
      Response refused = Wire.from(server, "https://evil.example").options("/items");
      Wire.assertNoHeader(refused, "Access-Control-Allow-Origin");
    }
  }

  /** Item 6, clarified: under strict mode, such a request from an origin not allowed gets 403. */
  @Test
  void anActualOptionsRequestFromAnOriginNotAllowedIsRefusedUnderStrictMode() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", APP, "cors.reject-disallowed", "true"),
            Resources.Items.class)) {
      Response refused = Wire.from(server, "https://evil.example").options("/items");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertNoCorsHeaders(refused);
      Response allowed = Wire.from(server, APP).options("/items");
      assertThat(allowed.statusCode()).isBetween(200, 299);
      assertHeader(allowed, "Access-Control-Allow-Origin", APP);
    }
  }

  /** Item 5: Sec-Fetch-Site: same-origin does not make a foreign Origin same-origin. */
  @Test
  void aForeignOriginWinsOverSecFetchSiteSameOrigin() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", APP, "cors.reject-disallowed", "true"),
            Resources.Items.class)) {
      int before = Resources.ITEM_CALLS.get();
      for (String origin : List.of("https://evil.example", "null")) {
        Response refused =
            Wire.from(server, origin)
                .header("Sec-Fetch-Site", "same-origin")
                .body("x")
                .contentType("text/plain")
                .post("/items");
        assertThat(refused.statusCode()).as(origin).isEqualTo(403);
        assertNoCorsHeaders(refused);
      }
      assertThat(Resources.ITEM_CALLS.get()).as("the resource never ran").isEqualTo(before);
      // the request's own host under another scheme or port (a proxy whose headers are not
      // trusted): same-origin, as the browser says
      Response ownHost =
          Wire.from(server, "https://127.0.0.1")
              .header("Sec-Fetch-Site", "same-origin")
              .body("x")
              .contentType("text/plain")
              .post("/items");
      assertThat(ownHost.statusCode()).isEqualTo(200);
      Wire.assertNoHeader(ownHost, "Access-Control-Allow-Origin");
      Response withoutOrigin =
          Wire.from(server, null)
              .header("Sec-Fetch-Site", "same-origin")
              .body("x")
              .contentType("text/plain")
              .post("/items");
      assertThat(withoutOrigin.statusCode()).isEqualTo(200);
    }
  }

  static TestServer behindProxy(String hosts) {
    return TestServer.start(
        Map.of(
            "cors.allowed-origins",
            APP,
            "cors.reject-disallowed",
            "true",
            "cors.trust-forwarded-headers",
            "true",
            "cors.allowed-hosts",
            hosts),
        Resources.Items.class);
  }

  static RequestSpecification forwarded(TestServer server, String origin, String... headers) {
    RequestSpecification spec = Wire.from(server, origin);
    for (int i = 0; i < headers.length; i += 2) {
      spec = spec.header(headers[i], headers[i + 1]);
    }
    return spec;
  }

  /** Item 4: the host check reads the forwarded port exactly as the own origin does. */
  @Test
  void theHostCheckAndTheOwnOriginReadTheForwardedHeadersAlike() {
    try (TestServer server = behindProxy("api.example.com:8443")) {
      Response allowed =
          forwarded(
                  server,
                  null,
                  "X-Forwarded-Proto",
                  "https",
                  "X-Forwarded-Host",
                  "api.example.com",
                  "X-Forwarded-Port",
                  "8443")
              .get("/items");
      assertThat(allowed.statusCode()).isEqualTo(200);
      Response sameOrigin =
          forwarded(
                  server,
                  "https://api.example.com:8443",
                  "X-Forwarded-Proto",
                  "https",
                  "X-Forwarded-Host",
                  "api.example.com",
                  "X-Forwarded-Port",
                  "8443")
              .body("x")
              .contentType("text/plain")
              .post("/items");
      assertThat(sameOrigin.statusCode()).as("its own origin, forwarded").isEqualTo(200);
    }
    try (TestServer server = behindProxy("www.example.net:443")) {
      Response otherPort =
          forwarded(
                  server,
                  "https://www.example.net:8443",
                  "X-Forwarded-Proto",
                  "https",
                  "X-Forwarded-Host",
                  "www.example.net",
                  "X-Forwarded-Port",
                  "8443")
              .body("x")
              .contentType("text/plain")
              .post("/items");
      assertThat(otherPort.statusCode())
          .as("port 8443 is not among the allowed hosts")
          .isEqualTo(400);
      assertNoCorsHeaders(otherPort);
    }
  }

  /** Item 8: every item of a forwarded host list must be allowed. */
  @Test
  void everyItemOfAForwardedHostListIsChecked() {
    try (TestServer server = behindProxy("localhost")) {
      for (List<String> headers :
          List.of(
              List.of("X-Forwarded-Host", "localhost, attacker.example:8080"),
              List.of("X-Forwarded-Host", "attacker.example:8080, localhost"),
              List.of("Forwarded", "host=localhost, host=attacker.example"))) {
        Response refused = forwarded(server, null, headers.toArray(String[]::new)).get("/items");
        assertThat(refused.statusCode()).as(headers.toString()).isEqualTo(400);
        assertNoCorsHeaders(refused);
      }
      Response twoLines =
          Wire.from(server, null)
              .header("X-Forwarded-Host", "localhost")
              .header("X-Forwarded-Host", "attacker.example")
              .get("/items");
      assertThat(twoLines.statusCode()).as("two lines are one list").isEqualTo(400);
      Response allowed =
          forwarded(server, null, "X-Forwarded-Host", "localhost, localhost:8080").get("/items");
      assertThat(allowed.statusCode()).isEqualTo(200);
    }
  }

  /** Item 7: report lines speak for no single one of several Origin lines, and escape '\'. */
  @Test
  void reportLinesNameNoOriginOfSeveralAndEscapeBackslashes() {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs.report");
        TestServer server =
            TestServer.start(
                Map.of("cors.allowed-origins", APP, "cors.reject-disallowed", "report"),
                Resources.Items.class)) {
      Wire.from(server, APP)
          .header("Origin", "https://evil.example")
          .body("x")
          .contentType("text/plain")
          .post("/items");
      String backslashed = "https://evil.example\\u000a" + "x".repeat(300);
      Wire.from(server, backslashed).body("x").contentType("text/plain").post("/items");
      SimpleFormatter formatter = new SimpleFormatter();
      List<String> lines =
          log.records.stream().map((LogRecord r) -> formatter.formatMessage(r)).toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).contains("(2 Origin lines)").doesNotContain(APP);
      String second = lines.get(1);
      assertThat(second).contains("https://evil.example\\\\u000a");
      int index = second.indexOf("https://evil.example");
      assertThat(second.indexOf("https://evil.example", index + 1))
          .as("the origin appears once: %s", second)
          .isEqualTo(-1);
    }
  }
}
