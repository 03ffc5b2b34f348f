package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Origin checks that throw what they should not, or are slow: the client never sees a 500, waiters
 * are released at once, and a flood of fresh origins cannot hold the server's request threads.
 */
class MisbehavingCheckWireTest {

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            Map.of("cors.allowed-origins", "https://app.example.com"),
            Set.of(
                OriginCheckResources.ThrowsChecked.class,
                OriginCheckResources.Asserting.class,
                OriginCheckResources.Slow.class,
                OriginCheckResources.Plain.class),
            Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aCheckedExceptionCountsAsNoWithOneWarningAndNever500() {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs")) {
      for (int i = 0; i < 5; i++) {
        Response get = from(server, "https://a.tenant.example").get("/checked-exception");
        assertThat(get.statusCode()).isEqualTo(200);
        assertNoCorsHeaders(get);
        assertThat(
                preflight(server, "https://a.tenant.example", "/checked-exception", "GET")
                    .statusCode())
            .isEqualTo(403);
      }
      List<LogRecord> warnings = warnings(log);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getMessage()).contains("CheckedExceptionCheck");
      assertThat(warnings.get(0).getThrown()).isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void anAssertionErrorReleasesEightConcurrentWaitersAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (LogCapture log = LogCapture.of("dev.corsjaxrs")) {
      long start = System.nanoTime();
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> get("/asserting", "https://b.tenant.example")));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      }
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .as("every request answered soon after the one call threw, not after the 5 s wait")
          .isLessThan(4000);
      List<LogRecord> warnings = warnings(log);
      assertThat(warnings).isNotEmpty();
      assertThat(warnings.get(0).getMessage()).contains("AssertingCheck");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSlowCheckFloodedWithFreshOriginsLeavesOtherRequestsServed() throws Exception {
    int flooders = 64;
    ExecutorService pool = Executors.newFixedThreadPool(flooders);
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger fresh = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    try (LogCapture log = LogCapture.of("dev.corsjaxrs")) {
      for (int i = 0; i < flooders; i++) {
        pool.submit(
            () -> {
              while (flooding.get()) {
                try {
                  int status =
                      get("/slow", "https://o" + fresh.incrementAndGet() + ".slow.example")
                          .statusCode();
                  if (status >= 500) {
                    errors.incrementAndGet();
                  }
                } catch (Exception e) {
                  return; // the server closes while flooders wait
                }
              }
            });
      }
      Thread.sleep(1000);
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        assertThat(get("/plain", null).statusCode()).isEqualTo(200);
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        Thread.sleep(100);
      }
      Collections.sort(millis);
      assertThat(millis.get(millis.size() / 2))
          .as("median of requests without Origin during the flood, ms: %s", millis)
          .isLessThan(500);
      assertThat(errors.get()).as("5xx answers to the flood").isZero();
      assertThat(warnings(log))
          .as("one WARNING a minute for the full bound")
          .hasSizeLessThanOrEqualTo(1);
    } finally {
      flooding.set(false);
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static List<LogRecord> warnings(LogCapture log) {
    return log.records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
  }

  private static HttpResponse<String> get(String path, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri + path)).timeout(Duration.ofSeconds(20));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
