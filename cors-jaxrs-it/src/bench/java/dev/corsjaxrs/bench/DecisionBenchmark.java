package dev.corsjaxrs.bench;

import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsRequest;
import dev.corsjaxrs.core.Origin;
import dev.corsjaxrs.core.PolicyCatalog;
import java.util.ArrayList;
import java.util.List;
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
 * The pure decisions, without HTTP: an actual request from an allowed origin (hit) and from an
 * unknown one (miss) against allow-lists of 1, 100 and 10,000 exact origins; the same against 1 and
 * 1,000 subdomain patterns (both through the policy, whose answers to allowed origins are cached,
 * and through the matcher alone); an origin allowed by the application's origin check, its answer
 * cached, beside 10,000 listed origins; a preflight that asks for 10 headers. Run with {@code -prof
 * gc} for bytes per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionBenchmark {

  static final String OWN = "https://api.example.com";

  /** Exact allow-lists. */
  @State(Scope.Benchmark)
  public static class ExactOrigins {
    @Param({"1", "100", "10000"})
    int origins;

    CorsPolicy policy;
    CorsRequest hit;
    CorsRequest miss;

    @Setup
    public void setUp() {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < origins; i++) {
        items.add("https://tenant" + i + ".example.com");
      }
      policy = new PolicyCatalog().builder().origins(items, "bench").build();
      hit =
          CorsRequest.actual(List.of("https://tenant" + (origins - 1) + ".example.com"), null, OWN);
      miss = CorsRequest.actual(List.of("https://nobody.example.com"), null, OWN);
    }
  }

  /** Subdomain patterns. */
  @State(Scope.Benchmark)
  public static class Patterns {
    @Param({"1", "1000"})
    int patterns;

    CorsPolicy policy;
    CorsRequest hit;
    CorsRequest miss;

    @Setup
    public void setUp() {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < patterns; i++) {
        items.add("https://*.tenant" + i + ".example.com");
      }
      policy = new PolicyCatalog().builder().origins(items, "bench").build();
      hit =
          CorsRequest.actual(
              List.of("https://app.tenant" + (patterns - 1) + ".example.com"), null, OWN);
      miss = CorsRequest.actual(List.of("https://app.nobody.example.com"), null, OWN);
    }
  }

  /** An origin allowed by the application's check, its answer cached, beside 10,000 listed. */
  @State(Scope.Benchmark)
  public static class Checked {
    CorsPolicy policy;
    CorsRequest hit;

    @Setup
    public void setUp() {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        items.add("https://tenant" + i + ".example.com");
      }
      policy =
          new PolicyCatalog()
              .builder()
              .origins(items, "bench")
              .originCheck(
                  origin -> origin.endsWith(".tenants.example.net"), "bench.Check", "bench")
              .build();
      hit = CorsRequest.actual(List.of("https://shop.tenants.example.net"), null, OWN);
    }
  }

  /** A preflight asking for ten headers, with listed allowed headers. */
  @State(Scope.Benchmark)
  public static class Preflight {
    CorsPolicy policy;
    CorsRequest request;

    @Setup
    public void setUp() {
      List<String> headers = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        headers.add("X-Header-" + i);
      }
      policy =
          new PolicyCatalog()
              .builder()
              .origins(List.of("https://app.example.com"), "bench")
              .methods(List.of("GET", "PUT", "DELETE"), "bench")
              .allowedHeaders(headers, "bench")
              .build();
      request =
          new CorsRequest(
              List.of("https://app.example.com"),
              "PUT",
              List.of(String.join(",", headers).toLowerCase(java.util.Locale.ROOT)),
              null,
              null,
              OWN);
    }
  }

  /** The matcher alone, past the per-origin decision cache: parsing and one hash probe. */
  @Benchmark
  public Object matcherExactHit(ExactOrigins state) {
    return Origin.parse("HTTPS://tenant0.example.com").filter(state.policy.origins()::allows);
  }

  /** The matcher alone for a subdomain: one probe per label, whatever the number of patterns. */
  @Benchmark
  public Object matcherPatternHit(Patterns state) {
    return Origin.parse("https://app.tenant0.example.com").filter(state.policy.origins()::allows);
  }

  @Benchmark
  public CorsDecision exactHit(ExactOrigins state) {
    return state.policy.actual(state.hit);
  }

  @Benchmark
  public CorsDecision exactMiss(ExactOrigins state) {
    return state.policy.actual(state.miss);
  }

  @Benchmark
  public CorsDecision patternHit(Patterns state) {
    return state.policy.actual(state.hit);
  }

  @Benchmark
  public CorsDecision patternMiss(Patterns state) {
    return state.policy.actual(state.miss);
  }

  /** An actual request from an origin the check allowed before: its answer is kept a minute. */
  @Benchmark
  public CorsDecision checkHit(Checked state) {
    return state.policy.actual(state.hit);
  }

  @Benchmark
  public CorsDecision preflightTenHeaders(Preflight state) {
    return state.policy.preflight(state.request);
  }
}
