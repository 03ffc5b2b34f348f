package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.core.Refusal;
import dev.corsjaxrs.core.RequestCounter;
import dev.corsjaxrs.core.RequestCounter.Kind;
import dev.corsjaxrs.core.RequestCounter.Outcome;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code cors.requests} on an OpenTelemetry SDK: its name, unit, scope and four attributes. */
class TelemetryTest {

  @Test
  void eachCountLandsOnCorsRequestsWithItsFourAttributes() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build();
    RequestCounter counter = new OpenTelemetryCounter(() -> sdk);
    counter.count(Kind.PREFLIGHT, Outcome.ALLOWED, null, "global");
    counter.count(Kind.PREFLIGHT, Outcome.ALLOWED, null, "global");
    counter.count(Kind.ACTUAL, Outcome.REPORTED, Refusal.ORIGIN_NOT_ALLOWED, "partners");
    counter.count(Kind.WEBSOCKET, Outcome.REFUSED, Refusal.CORS_DISABLED, "disabled");
    counter.count(Kind.ACTUAL, Outcome.SAME_ORIGIN, null, "annotation");
    List<MetricData> metrics = List.copyOf(reader.collectAllMetrics());
    assertThat(metrics).hasSize(1);
    MetricData requests = metrics.get(0);
    assertThat(requests.getName()).isEqualTo("cors.requests");
    assertThat(requests.getUnit()).isEqualTo("{request}");
    assertThat(requests.getInstrumentationScopeInfo().getName()).isEqualTo("dev.corsjaxrs");
    Map<Attributes, Long> points =
        requests.getLongSumData().getPoints().stream()
            .collect(Collectors.toMap(LongPointData::getAttributes, LongPointData::getValue));
    assertThat(points)
        .containsOnly(
            Map.entry(attributes("preflight", "allowed", "none", "global"), 2L),
            Map.entry(attributes("actual", "reported", "origin_not_allowed", "partners"), 1L),
            Map.entry(attributes("websocket", "refused", "cors_disabled", "disabled"), 1L),
            Map.entry(attributes("actual", "same_origin", "none", "annotation"), 1L));
  }

  static Attributes attributes(String kind, String outcome, String refusal, String policy) {
    return Attributes.builder()
        .put("cors.request.kind", kind)
        .put("cors.outcome", outcome)
        .put("cors.refusal", refusal)
        .put("cors.policy", policy)
        .build();
  }

  @Test
  void withTheApiVisibleTheDeploymentCountsOnOpenTelemetry() {
    assertThat(Telemetry.counter()).isInstanceOf(OpenTelemetryCounter.class);
  }

  @Test
  void thePolicyIsNamedByWhatContributedToIt() throws NoSuchMethodException {
    PolicyResolver resolver =
        PolicyResolverTest.resolver(
            Map.of(
                "cors.allowed-origins", "https://a.example",
                "cors.policy.partners.paths", "/partners/*",
                "cors.policy.partners.allowed-origins", "https://p.example",
                "cors.policy.named.allowed-origins", "https://n.example"));
    assertThat(resolver.forPath("x").telemetryName()).isEqualTo("global");
    assertThat(resolver.forPath("partners/1").telemetryName()).isEqualTo("partners");
    assertThat(
            resolver
                .forResource(
                    PolicyResolverTest.Plain.class,
                    PolicyResolverTest.Plain.class.getMethod("plain"),
                    "partners/x",
                    List.of("GET"))
                .telemetryName())
        .isEqualTo("partners");
    assertThat(
            resolver
                .forResource(
                    PolicyResolverTest.Plain.class,
                    PolicyResolverTest.Plain.class.getMethod("plain"),
                    "other",
                    List.of("GET"))
                .telemetryName())
        .isEqualTo("global");
    assertThat(
            resolver
                .forResource(
                    PolicyResolverTest.Annotated.class,
                    PolicyResolverTest.Annotated.class.getMethod("classOnly"),
                    "partners/x",
                    List.of("GET"))
                .telemetryName())
        .isEqualTo("annotation");
    assertThat(resolver.forUnseenPath("x", "X#y").telemetryName()).isEqualTo("disabled");
  }
}
