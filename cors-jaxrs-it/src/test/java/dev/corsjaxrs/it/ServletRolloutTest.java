package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * API.md v1.2 at the servlet door ({@code cors.servlet.paths} on embedded Undertow): report mode,
 * the Sec-Fetch-Site rule and {@code cors.allowed-hosts} hold for plain servlets as for Jakarta
 * REST. Runs with the RESTEasy execution, which has Undertow.
 */
@EnabledIfSystemProperty(named = "it.runtime", matches = "resteasy")
class ServletRolloutTest {

  static final String APP = "https://app.example.com";
  static final String EVIL = "https://evil.example";

  static ServletDeployment reporting;
  static ServletDeployment strict;

  static ServletDeployment deploy(String mode) {
    return new ServletDeployment(
        Map.of(
            "cors.allowed-origins",
            APP,
            "cors.reject-disallowed",
            mode,
            "cors.servlet.paths",
            "/files/*",
            "cors.allowed-hosts",
            "127.0.0.1"),
        null,
        Resources.Items.class);
  }

  @BeforeAll
  static void start() {
    reporting = deploy("report");
    strict = deploy("true");
  }

  @AfterAll
  static void stop() {
    reporting.close();
    strict.close();
  }

  @Test
  void reportModeServesTheServletAndReportsWhatStrictModeRefuses() {
    int served = ServletDeployment.SERVED.get();
    try (LogCapture reports = LogCapture.of("dev.corsjaxrs.report")) {
      Response evil = given().baseUri(reporting.base()).header("Origin", EVIL).delete("/files/a");
      assertThat(evil.statusCode()).isEqualTo(200);
      assertNoCorsHeaders(evil);
      assertHeader(evil, "Vary", "Origin");
      Response crossSite =
          given().baseUri(reporting.base()).header("Sec-Fetch-Site", "cross-site").post("/files/b");
      assertThat(crossSite.statusCode()).isEqualTo(200);
      Response allowed = given().baseUri(reporting.base()).header("Origin", APP).delete("/files/c");
      assertHeader(allowed, "Access-Control-Allow-Origin", APP);
      assertThat(ServletDeployment.SERVED.get()).isEqualTo(served + 3);
      assertThat(reports.records).hasSize(2);
      SimpleFormatter format = new SimpleFormatter();
      assertThat(format.formatMessage(reports.records.get(0)))
          .startsWith("CORS report: strict mode would refuse DELETE /files/a from " + EVIL);
      assertThat(format.formatMessage(reports.records.get(1)))
          .startsWith("CORS report: strict mode would refuse POST /files/b from (none)");
    }
  }

  @Test
  void strictModeRefusesACrossSiteWriteWithoutOriginBeforeTheServlet() {
    int served = ServletDeployment.SERVED.get();
    Response crossSite =
        given().baseUri(strict.base()).header("Sec-Fetch-Site", "same-site").post("/files/b");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(crossSite);
    Response sameOrigin =
        given().baseUri(strict.base()).header("Sec-Fetch-Site", "same-origin").post("/files/b");
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
    assertThat(ServletDeployment.SERVED.get()).isEqualTo(served + 1);
  }

  @Test
  void anotherHostGets400AtTheServletAndTheJakartaRestDoor() throws IOException {
    int served = ServletDeployment.SERVED.get();
    int calls = Resources.ITEM_CALLS.get();
    for (String path : new String[] {"/app/files/a", "/app/items"}) {
      String response =
          Wire.raw(
              reporting.port,
              ("GET "
                      + path
                      + " HTTP/1.1\r\nHost: rebound.example:"
                      + reporting.port
                      + "\r\nOrigin: "
                      + APP
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      assertThat(response).as(path).startsWith("HTTP/1.1 400");
      assertThat(response.split("\r\n\r\n", 2)[0].toLowerCase(Locale.ROOT))
          .doesNotContain("access-control-");
    }
    assertThat(ServletDeployment.SERVED.get()).isEqualTo(served);
    assertThat(Resources.ITEM_CALLS.get()).isEqualTo(calls);
    Response listed = given().baseUri(reporting.base()).header("Origin", APP).get("/files/a");
    assertHeader(listed, "Access-Control-Allow-Origin", APP);
  }

  @Test
  void handshakesAndServletRequestsAreCountedByKind() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build());
    ServletDeployment counted = deploy("false");
    try {
      given()
          .baseUri(counted.base())
          .header("Origin", EVIL)
          .header("Upgrade", "websocket")
          .get("/files/ws");
      given()
          .baseUri(counted.base())
          .header("Origin", APP)
          .header("Upgrade", "websocket")
          .get("/files/ws");
      given().baseUri(counted.base()).header("Origin", APP).get("/files/a");
      given()
          .baseUri(counted.base())
          .header("Origin", EVIL)
          .header("Access-Control-Request-Method", "GET")
          .options("/files/a");
      Map<List<String>, Long> counts = new HashMap<>();
      reader
          .collectAllMetrics()
          .forEach(
              metric ->
                  metric
                      .getLongSumData()
                      .getPoints()
                      .forEach(
                          point ->
                              counts.merge(
                                  List.of(
                                      point
                                          .getAttributes()
                                          .get(AttributeKey.stringKey("cors.request.kind")),
                                      point
                                          .getAttributes()
                                          .get(AttributeKey.stringKey("cors.outcome")),
                                      point
                                          .getAttributes()
                                          .get(AttributeKey.stringKey("cors.refusal"))),
                                  point.getValue(),
                                  Long::sum)));
      assertThat(counts)
          .containsOnly(
              Map.entry(List.of("websocket", "refused", "origin_not_allowed"), 1L),
              Map.entry(List.of("websocket", "allowed", "none"), 1L),
              Map.entry(List.of("actual", "allowed", "none"), 1L),
              Map.entry(List.of("preflight", "refused", "origin_not_allowed"), 1L));
    } finally {
      counted.close();
      GlobalOpenTelemetry.resetForTest();
    }
  }
}
