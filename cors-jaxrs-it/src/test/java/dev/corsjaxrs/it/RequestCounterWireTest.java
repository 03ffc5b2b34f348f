package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cors.requests} on the wire (API.md v1.2): the OpenTelemetry API is visible, the
 * application's global {@code OpenTelemetry} is an SDK read back with its in-memory reader; every
 * value of the four attributes appears where it should, and no attribute carries an origin or a
 * path.
 */
class RequestCounterWireTest {

  static final String APP = "https://app.example.com";
  static final String EVIL = "https://evil.example";
  static final String PARTNER = "https://partner.example.org";

  static InMemoryMetricReader reader;
  static TestServer server;
  static TestServer reporting;

  @BeforeAll
  static void start() {
    reader = InMemoryMetricReader.create();
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build());
    server =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                APP,
                "cors.allowed-headers",
                "X-A",
                "cors.policy.open.paths",
                "/public/*",
                "cors.policy.open.allowed-origins",
                PARTNER),
            Resources.Items.class,
            Resources.Internal.class,
            Resources.Public.class,
            Resources.Partner.class);
    reporting =
        TestServer.start(
            Map.of("cors.allowed-origins", APP, "cors.reject-disallowed", "report"),
            Resources.Items.class);
  }

  @AfterAll
  static void stop() {
    server.close();
    reporting.close();
    GlobalOpenTelemetry.resetForTest();
  }

  static RequestSpecification preflight(String origin, String method) {
    return Wire.from(server, origin).header("Access-Control-Request-Method", method);
  }

  /** The counts since the last read, by their four attribute values. */
  static Map<List<String>, Long> counts() {
    Map<List<String>, Long> counts = new HashMap<>();
    for (MetricData metric : reader.collectAllMetrics()) {
      assertThat(metric.getName()).isEqualTo("cors.requests");
      assertThat(metric.getUnit()).isEqualTo("{request}");
      assertThat(metric.getInstrumentationScopeInfo().getName()).isEqualTo("dev.corsjaxrs");
      for (LongPointData point : metric.getLongSumData().getPoints()) {
        Attributes attributes = point.getAttributes();
        assertThat(attributes.size()).isEqualTo(4);
        counts.merge(
            List.of(
                value(attributes, "cors.request.kind"),
                value(attributes, "cors.outcome"),
                value(attributes, "cors.refusal"),
                value(attributes, "cors.policy")),
            point.getValue(),
            Long::sum);
      }
    }
    return counts;
  }

  static String value(Attributes attributes, String key) {
    return attributes.get(AttributeKey.stringKey(key));
  }

  @Test
  void everyAttributeValueAppearsWhereItShouldAndNothingElse() {
    counts(); // cumulative: start from what the other tests left
    Map<List<String>, Long> before = counts();
    int own = server.port;
    preflight(APP, "PUT").options("/items/1");
    preflight(APP, "PUT").options("/items/1");
    preflight(EVIL, "PUT").options("/items/1");
    preflight("https://", "PUT").options("/items/1");
    preflight(APP, "TRACE").options("/items/1");
    preflight(APP, "G T").options("/items/1");
    preflight(APP, "PUT").header("Access-Control-Request-Headers", "X-B").options("/items/1");
    preflight(APP, "PUT").header("Access-Control-Request-Headers", "X B").options("/items/1");
    preflight(APP, "PUT")
        .header("Access-Control-Request-Private-Network", "true")
        .options("/items/1");
    preflight("http://127.0.0.1:" + own, "DELETE").options("/items/1");
    preflight(APP, "PUT").options("/internal");
    Wire.from(server, APP).get("/items");
    Wire.from(server, EVIL).get("/items");
    Wire.from(server, "http://127.0.0.1:" + own).get("/items");
    Wire.from(server, null).get("/items");
    Wire.from(server, APP).get("/internal");
    Wire.from(server, PARTNER).get("/public");
    Wire.from(server, APP).get("/partner");
    Wire.from(reporting, EVIL).delete("/items/1");
    Map<List<String>, Long> counts = counts();
    before.forEach((key, value) -> counts.merge(key, -value, Long::sum));
    counts.values().removeIf(v -> v == 0);
    assertThat(counts)
        .containsOnly(
            Map.entry(List.of("preflight", "allowed", "none", "global"), 2L),
            Map.entry(List.of("preflight", "refused", "origin_not_allowed", "global"), 1L),
            Map.entry(List.of("preflight", "refused", "origin_invalid", "global"), 1L),
            Map.entry(List.of("preflight", "refused", "method_not_allowed", "global"), 1L),
            Map.entry(List.of("preflight", "refused", "method_invalid", "global"), 1L),
            Map.entry(List.of("preflight", "refused", "header_not_allowed", "global"), 1L),
            Map.entry(List.of("preflight", "refused", "header_invalid", "global"), 1L),
            Map.entry(List.of("preflight", "refused", "private_network_not_allowed", "global"), 1L),
            Map.entry(List.of("preflight", "same_origin", "none", "global"), 1L),
            Map.entry(List.of("preflight", "refused", "cors_disabled", "disabled"), 1L),
            Map.entry(List.of("actual", "allowed", "none", "global"), 1L),
            Map.entry(List.of("actual", "refused", "origin_not_allowed", "global"), 1L),
            Map.entry(List.of("actual", "same_origin", "none", "global"), 1L),
            Map.entry(List.of("actual", "refused", "cors_disabled", "disabled"), 1L),
            Map.entry(List.of("actual", "allowed", "none", "open"), 1L),
            Map.entry(List.of("actual", "refused", "origin_not_allowed", "annotation"), 1L),
            Map.entry(List.of("actual", "reported", "origin_not_allowed", "global"), 1L));
  }

  @Test
  void noAttributeCarriesAnOriginOrAPath() {
    for (int i = 0; i < 20; i++) {
      Wire.from(server, "https://tenant" + i + ".example").get("/items?x=" + i);
      preflight("https://t" + i + ".example", "PUT").options("/items/" + i);
    }
    Set<String> allowed =
        Set.of(
            "preflight",
            "actual",
            "websocket",
            "allowed",
            "refused",
            "reported",
            "same_origin",
            "none",
            "origin_invalid",
            "origin_not_allowed",
            "method_invalid",
            "method_not_allowed",
            "header_invalid",
            "header_not_allowed",
            "private_network_not_allowed",
            "cors_disabled",
            "disabled",
            "annotation",
            "global",
            "open");
    assertThat(counts().keySet())
        .isNotEmpty()
        .allSatisfy(key -> assertThat(allowed).containsAll(key));
  }
}
