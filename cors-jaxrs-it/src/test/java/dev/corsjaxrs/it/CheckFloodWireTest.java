package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Origin checks under load (API.md v1.3): a flood of fresh origins that holds every check slot
 * never locks out an origin the check already allowed, once its kept answer runs out.
 */
class CheckFloodWireTest {

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static HttpResponse<String> get(TestServer server, String origin) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUri + "/slow"))
            .header("Origin", origin)
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAllowedTenantStaysAllowedThroughoutAFloodOfFreshOrigins() throws Exception {
    String tenant = "https://acme.slow.example"; // SlowCheck: 2 s, allows *.slow.example
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger fresh = new AtomicInteger();
    try (LogCapture log = LogCapture.of("dev.corsjaxrs");
        TestServer server =
            TestServer.start(
                Map.of(
                    "cors.reject-disallowed", "true",
                    "cors.origin-check.cache-seconds", "1"),
                OriginCheckResources.Slow.class)) {
      assertThat(get(server, tenant).statusCode()).isEqualTo(200);
      for (int i = 0; i < 4; i++) { // more flooders than the slots (max(2, processors))
        pool.submit(
            () -> {
              while (flooding.get()) {
                try {
                  get(server, "https://o" + fresh.incrementAndGet() + ".flood.example");
                } catch (Exception e) {
                  return; // the server closes while flooders wait
                }
              }
            });
      }
      Thread.sleep(1500); // the tenant's kept answer has run out; the flood holds the slots
      List<String> answers = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
      while (System.nanoTime() - end < 0) {
        HttpResponse<String> response = get(server, tenant);
        answers.add(
            response.statusCode()
                + " "
                + response.headers().firstValue("Access-Control-Allow-Origin").orElse("-"));
        Thread.sleep(200);
      }
      assertThat(fresh.get()).as("the flood ran").isGreaterThan(4);
      assertThat(answers)
          .as("the tenant's answers during the flood")
          .hasSizeGreaterThan(5)
          .allMatch(answer -> answer.equals("200 " + tenant));
      assertThat(log.aboveInfo())
          .as("the full bound is said at most once a minute")
          .hasSizeLessThanOrEqualTo(1);
    } finally {
      flooding.set(false);
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
