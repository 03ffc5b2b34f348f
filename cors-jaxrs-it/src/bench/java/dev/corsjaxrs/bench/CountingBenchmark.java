package dev.corsjaxrs.bench;

import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsExchange;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hit path of an allowed actual request through the protocol (decide, then write the headers on
 * an in-memory exchange), uncounted ({@code none}: no telemetry), counted on {@code cors.requests}
 * through the OpenTelemetry API's no-op ({@code noop}: what counting costs of ours) and through the
 * SDK ({@code sdk}: with the SDK's own work). Run with {@code -prof gc}: B/op of {@code noop}
 * beside {@code none} is the allocation counting adds of ours.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CountingBenchmark {

  static final String APP = "https://app.example.com";

  /** A request from an allowed origin, and a response that keeps nothing. */
  static final class Exchange implements CorsExchange {
    private final List<String> origins = List.of(APP);
    String allowOrigin;
    String vary;

    @Override
    public String method() {
      return "GET";
    }

    @Override
    public String path() {
      return "items";
    }

    @Override
    public List<String> requestHeaderLines(String name) {
      return name.equals("origin") ? origins : null;
    }

    @Override
    public String requestHeader(String name) {
      return name.equals("origin") ? APP : null;
    }

    @Override
    public String scheme() {
      return "https";
    }

    @Override
    public String hostAndPort() {
      return "api.example.com";
    }

    @Override
    public void setResponseHeader(String name, String value) {
      if (name.equals("Vary")) {
        vary = value;
      } else {
        allowOrigin = value;
      }
    }

    @Override
    public Iterable<?> responseHeaderLines(String name) {
      return null;
    }

    @Override
    public void removeResponseHeader(String name) {}

    @Override
    public void exposeResponseHeaderNames() {}

    @Override
    public void end(int status) {
      throw new IllegalStateException("an allowed request is not ended");
    }
  }

  /** Exports nothing: the SDK aggregates, the export is not measured. */
  static final class Discarding implements MetricExporter {
    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }
  }

  /** The deployment, counted or not. */
  @State(Scope.Benchmark)
  public static class Deployment {
    @Param({"none", "noop", "sdk"})
    String counting;

    CorsProtocol protocol;
    CorsPolicy policy;
    Exchange exchange = new Exchange();

    @Setup
    public void setUp() {
      if (counting.equals("sdk")) {
        GlobalOpenTelemetry.set(
            OpenTelemetrySdk.builder()
                .setMeterProvider(
                    SdkMeterProvider.builder()
                        .registerMetricReader(
                            PeriodicMetricReader.builder(new Discarding()).build())
                        .build())
                .build());
      }
      PolicyResolver resolver =
          new PolicyResolver(
              new SmallRyeConfigBuilder()
                  .withSources(
                      new PropertiesConfigSource(Map.of("cors.allowed-origins", APP), "bench", 500))
                  .build());
      protocol = counting.equals("none") ? new CorsProtocol(false) : resolver.protocol();
      policy = resolver.forPath("items");
    }
  }

  /**
   * One allowed actual request, decided and written.
   *
   * @param deployment the deployment
   * @return the decision
   */
  @Benchmark
  public CorsDecision allowedActual(Deployment deployment) {
    CorsDecision decision = deployment.protocol.decide(deployment.policy, deployment.exchange);
    deployment.protocol.writeActual(decision, deployment.policy, deployment.exchange);
    return decision;
  }
}
