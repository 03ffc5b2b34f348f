package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rolling out strict mode (API.md v1.2): {@code reject-disallowed=report} answers exactly as {@code
 * false} and reports each request that {@code true} refuses with 403, at most 100 lines a minute;
 * an unsafe request marked cross-site or same-site without {@code Origin} counts as from a refused
 * origin.
 */
class StrictRolloutWireTest {

  static final String APP = "https://app.example.com";
  static final String EVIL = "https://evil.example";

  static TestServer lenient;
  static TestServer reporting;
  static TestServer strict;

  static TestServer start(String mode) {
    return TestServer.start(
        Map.of("cors.allowed-origins", APP, "cors.reject-disallowed", mode),
        Resources.Items.class,
        Resources.Internal.class);
  }

  @BeforeAll
  static void startAll() {
    lenient = start("false");
    reporting = start("report");
    strict = start("true");
  }

  @AfterAll
  static void stopAll() {
    lenient.close();
    reporting.close();
    strict.close();
  }

  /** One request of the table: method, path, then header name and value pairs. */
  record Sent(String method, String path, String... headers) {
    Response to(TestServer server) {
      RequestSpecification spec = Wire.from(server, null);
      for (int i = 0; i < headers.length; i += 2) {
        spec = spec.header(headers[i], headers[i + 1]);
      }
      if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
        spec = spec.body("x").contentType("text/plain");
      }
      return spec.request(method, path);
    }

    @Override
    public String toString() {
      return method + " " + path + " " + String.join(" ", headers);
    }
  }

  static final List<Sent> TABLE =
      List.of(
          new Sent("GET", "/items", "Origin", APP),
          new Sent("POST", "/items", "Origin", APP),
          new Sent("GET", "/items", "Origin", EVIL),
          new Sent("POST", "/items", "Origin", EVIL),
          new Sent("DELETE", "/items/1", "Origin", EVIL, "Cookie", "session=1"),
          new Sent("GET", "/items", "Origin", "null"),
          new Sent("GET", "/items/7", "Origin", "https://"),
          new Sent("PUT", "/internal", "Origin", APP),
          new Sent("GET", "/internal", "Origin", EVIL),
          new Sent("GET", "/nowhere", "Origin", EVIL),
          new Sent("POST", "/items", "Sec-Fetch-Site", "cross-site"),
          new Sent("PATCH", "/items/1", "Sec-Fetch-Site", "same-site"),
          new Sent("POST", "/items", "Sec-Fetch-Site", "same-origin"),
          new Sent("POST", "/items", "Sec-Fetch-Site", "none"),
          new Sent("POST", "/items"),
          new Sent("GET", "/items", "Sec-Fetch-Site", "cross-site"),
          new Sent("OPTIONS", "/items/1", "Origin", APP, "Access-Control-Request-Method", "PUT"),
          new Sent("OPTIONS", "/items/1", "Origin", EVIL, "Access-Control-Request-Method", "PUT"));

  /** Status, body and every header but {@code Date}, each line in order. */
  static String answer(Response response) {
    StringBuilder out = new StringBuilder(response.statusLine()).append('\n');
    response.headers().asList().stream()
        .filter(h -> !h.getName().equalsIgnoreCase("Date"))
        .forEach(
            h ->
                out.append(h.getName().toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(h.getValue())
                    .append('\n'));
    return out.append(response.body().asString()).toString();
  }

  @Test
  void reportModeAnswersEachRequestExactlyAsFalseAndReportsEachOneTrueRefuses() {
    List<String> expected = new ArrayList<>();
    try (LogCapture reports = LogCapture.of("dev.corsjaxrs.report")) {
      for (Sent sent : TABLE) {
        String asFalse = answer(sent.to(lenient));
        int before = reports.records.size();
        String asReport = answer(sent.to(reporting));
        assertThat(asReport).as(sent.toString()).isEqualTo(asFalse);
        int asTrue = sent.to(strict).statusCode();
        boolean refusedByTrueOnly = asTrue == 403 && !asFalse.startsWith("HTTP/1.1 403");
        assertThat(reports.records.size() - before)
            .as("report lines for %s (true answers %d)", sent, asTrue)
            .isEqualTo(refusedByTrueOnly ? 1 : 0);
        if (refusedByTrueOnly) {
          expected.add(sent.method() + " /" + sent.path().substring(1) + " from ");
        }
      }
      // true refuses: evil POST, DELETE and GET, null, malformed, the disabled PUT and GET, the
      // 404 from evil, the cross-site POST and the same-site PATCH
      assertThat(expected).hasSize(10);
      List<String> lines = reports.records.stream().map(StrictRolloutWireTest::text).toList();
      for (int i = 0; i < expected.size(); i++) {
        assertThat(lines.get(i))
            .startsWith("CORS report: strict mode would refuse " + expected.get(i))
            .contains("(reject-disallowed=report in cors.reject-disallowed): ");
      }
      assertThat(reports.records).allMatch(r -> r.getLevel() == Level.INFO);
      assertThat(lines).anyMatch(l -> l.contains(" from (none) ") && l.contains("cross-site"));
    }
  }

  @Test
  void strictModeRefusesAnUnsafeCrossSiteRequestWithoutOriginBeforeTheResourceRuns() {
    int calls = Resources.ITEM_CALLS.get();
    Response crossSite =
        Wire.from(strict, null).header("Sec-Fetch-Site", "cross-site").body("x").post("/items");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    Wire.assertNoCorsHeaders(crossSite);
    assertThat(Resources.ITEM_CALLS.get()).isEqualTo(calls);
    Response sameOrigin =
        Wire.from(strict, null).header("Sec-Fetch-Site", "same-origin").body("x").post("/items");
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
    Response lenientCrossSite =
        Wire.from(lenient, null).header("Sec-Fetch-Site", "cross-site").body("x").post("/items");
    assertThat(lenientCrossSite.statusCode()).isEqualTo(200);
    assertThat(Resources.ITEM_CALLS.get()).isEqualTo(calls + 2);
  }

  @Test
  void aFloodOfAThousandOriginsWritesAtMostAHundredReportLines() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    try (TestServer fresh = start("report");
        LogCapture reports = LogCapture.of("dev.corsjaxrs.report")) {
      for (int i = 0; i < 1000; i++) {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(URI.create(fresh.baseUri + "/items/" + i))
                    .DELETE()
                    .header("Origin", "https://o" + i + ".example")
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(204);
      }
      // A deployment's window starts with it; a thousand requests take far less than a minute.
      assertThat(reports.records).hasSize(100);
      assertThat(text(reports.records.get(99))).contains("/items/99 from https://o99.example");
    }
  }

  @Test
  void theFirstReportLineOfTheNextMinuteSaysHowManyWereLeftOut() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long started = System.nanoTime();
    try (TestServer fresh = start("report");
        LogCapture reports = LogCapture.of("dev.corsjaxrs.report")) {
      for (int i = 0; i < 103; i++) {
        client.send(
            HttpRequest.newBuilder(URI.create(fresh.baseUri + "/items/" + i))
                .DELETE()
                .header("Origin", "https://o" + i + ".example")
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
      assertThat(reports.records).hasSize(100);
      // The deployment's first window began when it started, after `started`.
      long waitMillis = 61_000 - (System.nanoTime() - started) / 1_000_000;
      Thread.sleep(Math.max(0, waitMillis));
      client.send(
          HttpRequest.newBuilder(URI.create(fresh.baseUri + "/items/next"))
              .DELETE()
              .header("Origin", "https://next.example")
              .build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(reports.records).hasSize(101);
      assertThat(text(reports.records.get(100)))
          .contains("/items/next from https://next.example")
          .endsWith("[3 report lines were left out before this one: at most 100 a minute]");
    }
  }

  static String text(LogRecord record) {
    return new SimpleFormatter().formatMessage(record);
  }
}
