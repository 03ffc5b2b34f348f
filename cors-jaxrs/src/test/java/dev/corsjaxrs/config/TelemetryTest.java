package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.Refusal;
import dev.corsjaxrs.core.RequestCounter;
import dev.corsjaxrs.core.RequestCounter.Kind;
import dev.corsjaxrs.core.RequestCounter.Outcome;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code cors.requests} on an OpenTelemetry SDK: its name, unit, scope and four attributes. */
class TelemetryTest {

  @Test
  void eachCountLandsOnCorsRequestsWithItsFourAttributes() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    RequestCounter counter = counter(reader);
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

  @Test
  void everyCombinationUnderOnePolicyIsAPointOfItsOwn() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    RequestCounter counter = counter(reader);
    int combinations = 0;
    for (Kind kind : Kind.values()) {
      for (Outcome outcome : Outcome.values()) {
        counter.count(kind, outcome, null, "p");
        combinations++;
        for (Refusal refusal : Refusal.values()) {
          counter.count(kind, outcome, refusal, "p");
          counter.count(kind, outcome, refusal, "p");
          combinations++;
        }
      }
    }
    MetricData requests = List.copyOf(reader.collectAllMetrics()).get(0);
    assertThat(requests.getLongSumData().getPoints()).hasSize(combinations);
    for (LongPointData point : requests.getLongSumData().getPoints()) {
      String refusal = point.getAttributes().get(OpenTelemetryCounter.REFUSAL);
      assertThat(point.getValue())
          .as(point.getAttributes().toString())
          .isEqualTo(refusal.equals("none") ? 1 : 2);
    }
  }

  /** A counter on an SDK that the reader reads. */
  static RequestCounter counter(InMemoryMetricReader reader) {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build();
    return new OpenTelemetryCounter(() -> sdk);
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
  void withTheApiVisibleTheDeploymentCountsOnTheGlobalOpenTelemetryWithoutACdiContainer() {
    RequestCounter counter = Telemetry.counter();
    assertThat(counter).isInstanceOf(OpenTelemetryCounter.class);
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build());
    try {
      counter.count(Kind.ACTUAL, Outcome.ALLOWED, null, "global");
      assertThat(reader.collectAllMetrics())
          .singleElement()
          .satisfies(m -> assertThat(m.getName()).isEqualTo("cors.requests"));
    } finally {
      GlobalOpenTelemetry.resetForTest();
    }
  }

  /** Loads the library's classes again, with the OpenTelemetry API hidden from them. */
  static final class WithoutOpenTelemetry extends URLClassLoader {
    WithoutOpenTelemetry() {
      super(
          new URL[] {Telemetry.class.getProtectionDomain().getCodeSource().getLocation()},
          TelemetryTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.opentelemetry.")) {
        throw new ClassNotFoundException(name + " (hidden)");
      }
      if (name.startsWith("dev.corsjaxrs.")) {
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : findClass(name);
        }
      }
      return super.loadClass(name, resolve);
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }
  }

  @Test
  void withoutTheApiNothingIsCountedAndNoneOfItsClassesIsLoaded() throws Exception {
    try (WithoutOpenTelemetry loader = new WithoutOpenTelemetry()) {
      Class<?> telemetry = loader.loadClass(Telemetry.class.getName());
      Method counter = telemetry.getDeclaredMethod("counter");
      counter.setAccessible(true);
      Object none = loader.loadClass(RequestCounter.class.getName()).getField("NONE").get(null);
      assertThat(counter.invoke(null)).isSameAs(none);
      assertThat(loader.loaded(OpenTelemetryCounter.class.getName())).isFalse();
    }
  }

  @Test
  void anOpenTelemetryThatFailsStopsTheCountingNeverTheRequest() {
    AtomicInteger asked = new AtomicInteger();
    RequestCounter counter =
        new OpenTelemetryCounter(
            () -> {
              asked.incrementAndGet();
              throw new NoSuchMethodError(
                  "io.opentelemetry.api.metrics.LongCounterBuilder.setUnit");
            });
    counter.count(Kind.ACTUAL, Outcome.ALLOWED, null, "global");
    counter.count(Kind.ACTUAL, Outcome.ALLOWED, null, "global");
    assertThat(asked).hasValue(1);
  }

  @Test
  void aKeyNamesItselfByItsConfigurationKeyElseItsAttribute() {
    assertThat(PolicyKey.ORIGINS).hasToString("allowed-origins");
    assertThat(PolicyKey.POLICY).hasToString("policy");
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
    CorsPolicy strictOnly =
        resolver.forResource(
            StrictOnly.class, StrictOnly.class.getMethod("get"), "partners/x", List.of("GET"));
    assertThat(strictOnly.telemetryName())
        .as("strict mode set by an annotation alone names the annotation (API.md v1.3)")
        .isEqualTo("annotation");
    assertThat(strictOnly.reportDisallowed()).isTrue();
    assertThat(strictOnly.sourceOf(CorsPolicy.Attribute.REJECT_DISALLOWED))
        .isEqualTo("@CorsAllowed(rejectDisallowed) on " + StrictOnly.class.getName());
    assertThat(resolver.forPath("x").toString()).doesNotContain("reject-disallowed");
    assertThat(strictOnly.toString())
        .endsWith(
            ", reject-disallowed=report (@CorsAllowed(rejectDisallowed) on "
                + StrictOnly.class.getName()
                + ")");
  }

  /** Strict mode reported on one class, nothing else set. */
  @dev.corsjaxrs.CorsAllowed(rejectDisallowed = "report")
  public static class StrictOnly {
    public void get() {}
  }
}
