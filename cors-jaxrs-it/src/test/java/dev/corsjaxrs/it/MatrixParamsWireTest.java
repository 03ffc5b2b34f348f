package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matrix parameters ({@code ;}, {@code ;x=1}, {@code ;/}, {@code ;%2F}) on every segment of an
 * annotated, a named-policy, a {@code @CorsDisabled} and a templated path, for preflights and
 * actual requests, strict mode off and on: Jakarta REST ignores them when it matches, so the answer
 * must be that of the resource that serves the request. Where the spelling is served by the same
 * resource as the plain path, every CORS header is the same; where it is not (a {@code //} left by
 * {@code ;/} inside a path), nothing is allowed that the plain path refuses.
 */
class MatrixParamsWireTest {

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static final String[] ORIGINS = {
    "https://app.example.com",
    "https://partner.example.org",
    "https://admin.example.org",
    "https://public.example",
    "https://numbers.example",
    "https://names.example",
    "https://evil.example"
  };

  /** Each path with the methods it serves. */
  static final Map<String, List<String>> PATHS =
      Map.of(
          "/partner", List.of("GET", "PUT", "DELETE"),
          "/public/7", List.of("GET"),
          "/internal", List.of("GET", "PUT"),
          "/templ/123", List.of("GET"),
          "/templ/abc", List.of("GET"),
          "/admin/users/1", List.of("GET", "DELETE"));

  static final List<String> VARIANTS = List.of(";", ";x=1", ";/", ";%2F");

  record Answer(int status, String body, Map<String, List<String>> cors) {}

  static Stream<Object[]> cases() {
    Stream.Builder<Object[]> cases = Stream.builder();
    for (boolean strict : new boolean[] {false, true}) {
      for (Map.Entry<String, List<String>> path : PATHS.entrySet()) {
        String[] segments = path.getKey().substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
          for (String variant : VARIANTS) {
            StringBuilder spelled = new StringBuilder();
            for (int j = 0; j < segments.length; j++) {
              spelled.append('/').append(segments[j]).append(j == i ? variant : "");
            }
            for (String method : path.getValue()) {
              cases.add(new Object[] {strict, method, path.getKey(), spelled.toString()});
            }
          }
        }
      }
    }
    return cases.build();
  }

  private static final Map<Boolean, TestServer> SERVERS = new TreeMap<>();

  static synchronized TestServer server(boolean strict) {
    return SERVERS.computeIfAbsent(
        strict,
        s ->
            TestServer.start(
                Map.of(
                    "cors.allowed-origins", "https://app.example.com",
                    "cors.allow-credentials", "true",
                    "cors.allowed-methods", "GET, HEAD, POST, PUT, DELETE",
                    "cors.reject-disallowed", Boolean.toString(s),
                    "cors.policy.pub.paths", "/public/*",
                    "cors.policy.pub.allowed-origins", "https://public.example",
                    "cors.policy.adm.paths", "/admin/*",
                    "cors.policy.adm.allowed-origins", "https://admin.example.org"),
                Resources.Partner.class,
                Resources.Public.class,
                Resources.Internal.class,
                MatrixResources.Templated.class,
                MatrixResources.Admin.class));
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    SERVERS.values().forEach(TestServer::close);
    SERVERS.clear();
  }

  @ParameterizedTest(name = "strict={0} {1} {3}")
  @MethodSource("cases")
  void answersAsTheServingResource(boolean strict, String method, String plain, String spelled) {
    TestServer server = server(strict);
    Answer served = send(server, method, spelled, null, null);
    boolean sameResource = served.equals(send(server, method, plain, null, null));
    // Where another resource, or none, serves the spelling, the answer is that of the same path
    // spelled without matrix parameters.
    String reference = sameResource ? plain : spelled.replaceAll(";[^/]*", "");
    for (String origin : ORIGINS) {
      Answer actual = send(server, method, spelled, origin, null);
      Answer preflight = send(server, "OPTIONS", spelled, origin, method);
      assertThat(actual.status()).as("%s %s from %s", method, spelled, origin).isNotEqualTo(-1);
      if (served.status() == 500) {
        // Jersey on Grizzly cannot serve an encoded slash in a matrix parameter, CORS or not:
        // nothing may be allowed there.
        assertThat(actual.cors()).doesNotContainKey("access-control-allow-origin");
        assertThat(preflight.cors()).doesNotContainKey("access-control-allow-origin");
        continue;
      }
      Answer expected = send(server, method, reference, origin, null);
      if (TestServer.RUNTIME.equals("cxf") && !actual.body().equals(expected.body())) {
        // CXF serves this spelling by another method than the path without matrix parameters
        // (its own routing); the actual request then takes that method's policy, which this
        // table does not model: only the preflight, decided before matching, is compared.
        assertThat(actual.status()).isNotEqualTo(500);
      } else {
        assertThat(actual)
            .as("%s %s from %s, like %s", method, spelled, origin, reference)
            .isEqualTo(expected);
      }
      assertThat(preflight)
          .as("preflight %s %s from %s, like %s", method, spelled, origin, reference)
          .isEqualTo(send(server, "OPTIONS", reference, origin, method));
    }
  }

  static Answer send(
      TestServer server, String method, String path, String origin, String requestMethod) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUri + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (requestMethod != null) {
      request.header("Access-Control-Request-Method", requestMethod);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, List<String>> cors = new TreeMap<>();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("access-control-") || lower.equals("vary")) {
                  cors.put(lower, values);
                }
              });
      return new Answer(response.statusCode(), response.body(), cors);
    } catch (IOException e) {
      return new Answer(-1, e.toString(), Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
