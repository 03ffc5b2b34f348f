package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code cors.servlet.paths} on embedded Undertow: plain servlets (a download, an error, a stand-in
 * WebSocket endpoint) get the same protocol as Jakarta REST, and a Jakarta REST path that is also
 * covered gets its headers once. Runs with the RESTEasy execution, which has Undertow.
 */
@EnabledIfSystemProperty(named = "it.runtime", matches = "resteasy")
class ServletFilterTest {

  static final String APP = "https://app.example.com";
  static final String PARTNER = "https://partner.example.org";
  static final String EVIL = "https://evil.example";
  static final String PV = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  static ServletDeployment web;

  @BeforeAll
  static void start() {
    web =
        new ServletDeployment(
            Map.of(
                "cors.allowed-origins",
                APP,
                "cors.servlet.paths",
                "/files/*, /export, /ws/*, /items/*",
                "cors.policy.exports.paths",
                "/export",
                "cors.policy.exports.allowed-origins",
                PARTNER),
            null,
            Resources.Items.class);
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  static RequestSpecification from(String origin) {
    return given().baseUri(web.base()).header("Origin", origin);
  }

  @Test
  void aPreflightToAServletPathIsAnsweredAndNeverReachesTheServlet() {
    int served = ServletDeployment.SERVED.get();
    Response allowed =
        from(APP)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "x-token")
            .options("/files/report.csv");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertHeader(allowed, "Access-Control-Allow-Origin", APP);
    assertHeader(allowed, "Access-Control-Allow-Methods", "GET, HEAD, POST");
    assertHeader(allowed, "Access-Control-Allow-Headers", "*");
    assertHeader(allowed, "Vary", PV);
    Response refused =
        from(EVIL).header("Access-Control-Request-Method", "GET").options("/files/report.csv");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
    assertThat(ServletDeployment.SERVED.get()).isEqualTo(served);
  }

  @Test
  void actualResponsesOfServletsCarryTheHeadersErrorsIncluded() {
    Response file = from(APP).get("/files/report.csv");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body().asString()).startsWith("file ");
    assertHeader(file, "Access-Control-Allow-Origin", APP);
    assertHeader(file, "Vary", "Origin");
    Response missing = from(APP).get("/files/missing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertHeader(missing, "Access-Control-Allow-Origin", APP);
    Response refused = from(EVIL).get("/files/report.csv");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(refused);
    assertHeader(refused, "Vary", "Origin");
  }

  @Test
  void aNamedPolicyCoversItsServletPath() {
    assertHeader(from(PARTNER).get("/export"), "Access-Control-Allow-Origin", PARTNER);
    assertNoCorsHeaders(from(APP).get("/export"));
  }

  @Test
  void pathsNotListedAreLeftAlone() {
    Response other = from(APP).get("/other/x");
    assertThat(other.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(other);
    assertThat(other.header("Vary")).isNull();
  }

  @Test
  void aJakartaRestPathThatIsAlsoListedGetsItsHeadersOnce() {
    Response actual = from(APP).get("/items");
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(actual.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(actual.headers().getValues("Vary")).containsExactly("Origin");
    Response preflight =
        from(APP).header("Access-Control-Request-Method", "PUT").options("/items/1");
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(preflight.headers().getValues("Access-Control-Allow-Methods"))
        .as("the resource method's policy, not the path's default")
        .containsExactly(ConformanceTest.ITEM_METHODS);
  }

  @Test
  void aWebSocketHandshakeFromAPageThatIsNotAllowedIsRefusedBeforeTheUpgrade() {
    int served = ServletDeployment.SERVED.get();
    Response refused = handshake(from(EVIL));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
    assertThat(handshake(from("https://app.example.com.evil.net")).statusCode()).isEqualTo(403);
    assertThat(handshake(from("not an origin")).statusCode()).isEqualTo(403);
    assertThat(ServletDeployment.SERVED.get()).isEqualTo(served);
    assertThat(handshake(from(APP)).statusCode()).isEqualTo(200);
    assertThat(handshake(given().baseUri(web.base())).statusCode())
        .as("no Origin: not a browser")
        .isEqualTo(200);
    assertThat(handshake(from("http://127.0.0.1:" + web.port)).statusCode())
        .as("the page's own origin")
        .isEqualTo(200);
    assertThat(ServletDeployment.SERVED.get()).isEqualTo(served + 3);
  }

  @Test
  void anyUpgradeHeaderCountsAsAHandshakeForTheRefusal() {
    int served = ServletDeployment.SERVED.get();
    for (String[] upgrade :
        new String[][] {{"foo"}, {"websocket, foo"}, {"WebSocket"}, {"foo", "websocket"}, {""}}) {
      RequestSpecification request = from(EVIL).header("Connection", "Upgrade");
      for (String value : upgrade) {
        request = request.header("Upgrade", value);
      }
      Response refused = request.get("/ws/chat");
      assertThat(refused.statusCode()).as("Upgrade %s", String.join(" | ", upgrade)).isEqualTo(403);
      assertNoCorsHeaders(refused);
    }
    assertThat(ServletDeployment.SERVED.get()).isEqualTo(served);
    assertThat(from(APP).header("Upgrade", "foo").get("/ws/chat").statusCode()).isEqualTo(200);
  }

  /** A Jakarta REST resource answering as the servlet does. */
  @jakarta.ws.rs.Path("served")
  public static class Served {
    @jakarta.ws.rs.GET
    public jakarta.ws.rs.core.Response get() {
      return jakarta.ws.rs.core.Response.ok("served")
          .header("X-Served-By", "rest")
          .type("text/plain")
          .build();
    }
  }

  @Test
  void exposedStarWithCredentialsListsTheResponsesHeaderNamesOnBothLayers() {
    try (ServletDeployment both =
        new ServletDeployment(
            Map.of(
                "cors.allowed-origins", APP,
                "cors.allow-credentials", "true",
                "cors.exposed-headers", "*",
                "cors.servlet.paths", "/files/*, /we\\,ird"),
            null,
            Served.class)) {
      Response servlet = given().baseUri(both.base()).header("Origin", APP).get("/files/a");
      Response rest = given().baseUri(both.base()).header("Origin", APP).get("/served");
      assertThat(servlet.statusCode()).isEqualTo(200);
      assertThat(rest.statusCode()).isEqualTo(200);
      for (Response response : new Response[] {servlet, rest}) {
        assertHeader(response, "Access-Control-Allow-Origin", APP);
        assertHeader(response, "Access-Control-Allow-Credentials", "true");
        assertHeader(response, "Access-Control-Expose-Headers", "X-Served-By");
        assertHeader(response, "Vary", "Origin");
      }
      assertThat(corsHeaders(servlet)).isEqualTo(corsHeaders(rest));
      Response escaped =
          given()
              .baseUri(both.base())
              .urlEncodingEnabled(false)
              .header("Origin", APP)
              .get("/we,ird");
      assertThat(escaped.headers().getValues("Access-Control-Allow-Origin"))
          .as("the path item with an escaped comma")
          .containsExactly(APP);
    }
  }

  private static java.util.List<String> corsHeaders(Response response) {
    return response.headers().asList().stream()
        .filter(
            h ->
                h.getName().toLowerCase(java.util.Locale.ROOT).startsWith("access-control-")
                    || h.getName().equalsIgnoreCase("Vary"))
        .map(h -> h.getName().toLowerCase(java.util.Locale.ROOT) + ": " + h.getValue())
        .sorted()
        .toList();
  }

  @Test
  void bothDoorsShareOneDeploymentOneCheckInstanceAndItsAnswers() {
    OriginCheckResources.CountedCheck.CREATED.set(0);
    OriginCheckResources.CountedCheck.ASKED.set(0);
    try (ServletDeployment both =
        new ServletDeployment(
            Map.of(
                "cors.allowed-origins",
                APP,
                "cors.origin-check",
                OriginCheckResources.CountedCheck.class.getName(),
                "cors.servlet.paths",
                "/files/*"),
            null,
            Served.class)) {
      String tenant = "https://shop.counted.example";
      Response servlet = given().baseUri(both.base()).header("Origin", tenant).get("/files/a");
      Response rest = given().baseUri(both.base()).header("Origin", tenant).get("/served");
      assertHeader(servlet, "Access-Control-Allow-Origin", tenant);
      assertHeader(rest, "Access-Control-Allow-Origin", tenant);
      assertThat(corsHeaders(servlet)).isEqualTo(corsHeaders(rest));
      assertThat(OriginCheckResources.CountedCheck.CREATED.get())
          .as("instances of the check for the application")
          .isEqualTo(1);
      assertThat(OriginCheckResources.CountedCheck.ASKED.get())
          .as("the servlet door's answer is the Jakarta REST door's: one cache")
          .isEqualTo(1);
    }
  }

  @Test
  void withoutTheKeyNoFilterIsRegistered() {
    try (ServletDeployment plain =
        new ServletDeployment(Map.of("cors.allowed-origins", APP), null, Resources.Items.class)) {
      int served = ServletDeployment.SERVED.get();
      Response preflight =
          given()
              .baseUri(plain.base())
              .header("Origin", APP)
              .header("Access-Control-Request-Method", "GET")
              .options("/files/a");
      assertNoCorsHeaders(preflight);
      assertThat(ServletDeployment.SERVED.get())
          .as("the servlet saw the OPTIONS")
          .isEqualTo(served + 1);
      Response file = given().baseUri(plain.base()).header("Origin", APP).get("/files/a");
      assertNoCorsHeaders(file);
      assertThat(file.header("Vary")).isNull();
      assertThat(handshake(given().baseUri(plain.base()).header("Origin", EVIL)).statusCode())
          .isEqualTo(200);
      Response rest = given().baseUri(plain.base()).header("Origin", APP).get("/items");
      assertThat(rest.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    }
  }

  private static Response handshake(RequestSpecification request) {
    return request
        .header("Upgrade", "websocket")
        .header("Connection", "Upgrade")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .get("/ws/chat");
  }
}
