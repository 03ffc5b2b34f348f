package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request's own origin behind a trusted proxy, for each way proxies forward it: strict mode
 * with no allowed origin, so a POST passes only where its {@code Origin} is the own origin the
 * module worked out, and a near miss (another port or scheme) gets 403.
 */
class ForwardedOriginWireTest {

  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            Map.of("cors.reject-disallowed", "true", "cors.trust-forwarded-headers", "true"),
            Resources.Items.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "proto and port forwarded, Host with the port",
            "https://shop.example.com:8443",
            "https://shop.example.com",
            "Host",
            "shop.example.com:8443",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Port",
            "8443"),
        row(
            "proto forwarded, the port from Host",
            "https://shop.example.com:8443",
            "https://shop.example.com",
            "Host",
            "shop.example.com:8443",
            "X-Forwarded-Proto",
            "https"),
        row(
            "proto forwarded, Host without port: the default port",
            "https://shop.example.com",
            "https://shop.example.com:8080",
            "Host",
            "shop.example.com",
            "X-Forwarded-Proto",
            "https"),
        row(
            "proto and host forwarded",
            "https://api.example.com",
            "http://api.example.com",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "api.example.com"),
        row(
            "proto, host and port forwarded",
            "https://api.example.com:8443",
            "https://api.example.com",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "api.example.com",
            "X-Forwarded-Port",
            "8443"),
        row(
            "forwarded host with its port",
            "https://api.example.com:9443",
            "https://api.example.com",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "api.example.com:9443"),
        row(
            "X-Forwarded-Port wins over the forwarded host's port",
            "https://api.example.com:8443",
            "https://api.example.com:9443",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "api.example.com:9443",
            "X-Forwarded-Port",
            "8443"),
        row(
            "X-Forwarded-Port 443 over https: the default port",
            "https://api.example.com",
            "https://api.example.com:443x",
            "X-Forwarded-Proto",
            "https",
            "X-Forwarded-Host",
            "api.example.com",
            "X-Forwarded-Port",
            "443"),
        row(
            "only the port forwarded",
            "http://shop.example.com:9000",
            "http://shop.example.com:8080",
            "Host",
            "shop.example.com:8080",
            "X-Forwarded-Port",
            "9000"),
        row(
            "several proxies: the first item of each",
            "https://api.example.com",
            "http://internal.example",
            "X-Forwarded-Proto",
            "https, http",
            "X-Forwarded-Host",
            "api.example.com, internal.example"),
        row(
            "Forwarded with proto and host",
            "https://api.example.com",
            "http://api.example.com",
            "Forwarded",
            "for=1.2.3.4;proto=https;host=api.example.com"),
        row(
            "Forwarded with a quoted host and port",
            "https://api.example.com:8443",
            "https://api.example.com",
            "Forwarded",
            "for=1.2.3.4;proto=https;host=\"api.example.com:8443\""),
        row(
            "Forwarded with proto only: the host and port from Host",
            "https://shop.example.com:8443",
            "http://shop.example.com:8443",
            "Host",
            "shop.example.com:8443",
            "Forwarded",
            "proto=https"),
        row(
            "Forwarded, several elements: the first",
            "https://api.example.com",
            "http://b.example",
            "Forwarded",
            "proto=https;host=api.example.com, proto=http;host=b.example"),
        row(
            "Forwarded and X-Forwarded-Port together",
            "https://api.example.com:8443",
            "https://api.example.com",
            "Forwarded",
            "proto=https;host=api.example.com",
            "X-Forwarded-Port",
            "8443"));
  }

  static Arguments row(String name, String own, String nearMiss, String... headers) {
    return Arguments.of(name, own, nearMiss, headers);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void ownOriginAsForwarded(String name, String own, String nearMiss, String[] headers) {
    assertThat(post(own, headers)).as("same-origin POST from %s", own).isEqualTo(200);
    assertThat(post(nearMiss, headers)).as("cross-origin POST from %s", nearMiss).isEqualTo(403);
  }

  private static int post(String origin, String[] headers) {
    RequestSpecification request = Wire.from(server, origin);
    for (int i = 0; i < headers.length; i += 2) {
      request = request.header(headers[i], headers[i + 1]);
    }
    return request.post("/items").statusCode();
  }
}
