package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cors.allowed-hosts} (API.md v1.2): a request for any other host gets 400 with no CORS
 * header before any resource code runs; a missing or repeated {@code Host} too; the forwarded host
 * counts where forwarded headers are trusted; the deployment log names the list once.
 */
class AllowedHostsWireTest {

  static final String APP = "https://app.example.com";

  static TestServer server;
  static TestServer behindProxy;
  static LogCapture startLog;

  @BeforeAll
  static void start() {
    startLog = LogCapture.of("dev.corsjaxrs");
    server =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                APP,
                "cors.allowed-hosts",
                "127.0.0.1, API.example.com:443, *.tenants.example.net"),
            Resources.Items.class);
    startLog.close();
    behindProxy =
        TestServer.start(
            Map.of(
                "cors.allowed-origins", APP,
                "cors.allowed-hosts", "api.example.com",
                "cors.trust-forwarded-headers", "true"),
            Resources.Items.class);
  }

  @AfterAll
  static void stop() {
    server.close();
    behindProxy.close();
  }

  static String send(TestServer to, String method, String version, String... headerLines)
      throws IOException {
    StringBuilder request = new StringBuilder(method + " /api/items " + version + "\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return Wire.raw(to.port, request.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  static String head(String response) {
    return response.split("\r\n\r\n", 2)[0];
  }

  static void assertRefused(String response) {
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(head(response).toLowerCase(Locale.ROOT)).doesNotContain("access-control-");
  }

  @Test
  void aListedHostIsServedAsBefore() throws IOException {
    String response =
        send(server, "GET", "HTTP/1.1", "Host: 127.0.0.1:" + server.port, "Origin: " + APP);
    assertThat(response).startsWith("HTTP/1.1 200");
    assertThat(head(response)).contains("Access-Control-Allow-Origin: " + APP);
    assertThat(send(server, "GET", "HTTP/1.1", "Host: api.example.com:443"))
        .startsWith("HTTP/1.1 200");
    assertThat(send(server, "GET", "HTTP/1.1", "Host: a.b.Tenants.example.net:" + server.port))
        .as("a subdomain of the pattern, any port")
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void anyOtherHostGets400WithoutCorsHeadersAndNeverReachesTheResource() throws IOException {
    int calls = Resources.ITEM_CALLS.get();
    assertRefused(send(server, "GET", "HTTP/1.1", "Host: rebound.example:" + server.port));
    assertRefused(send(server, "GET", "HTTP/1.1", "Host: rebound.example", "Origin: " + APP));
    assertRefused(
        send(
            server,
            "OPTIONS",
            "HTTP/1.1",
            "Host: rebound.example",
            "Origin: " + APP,
            "Access-Control-Request-Method: POST"));
    assertRefused(send(server, "POST", "HTTP/1.1", "Host: localhost", "Content-Length: 0"));
    // no port means the scheme's default (80 here), which the listed :443 does not match
    assertRefused(send(server, "GET", "HTTP/1.1", "Host: api.example.com"));
    assertRefused(send(server, "GET", "HTTP/1.1", "Host: 127.0.0.2:" + server.port));
    assertRefused(send(server, "GET", "HTTP/1.1", "Host: tenants.example.net"));
    assertRefused(send(server, "GET", "HTTP/1.1", "Host: eviltenants.example.net"));
    // (A trailing dot, "127.0.0.1.", is refused too, but Grizzly answers it with 500 before any
    // filter runs: AllowedHostsTest has that row.)
    assertThat(Resources.ITEM_CALLS.get()).isEqualTo(calls);
  }

  @Test
  void aMissingOrRepeatedHostGets400() throws IOException {
    int calls = Resources.ITEM_CALLS.get();
    String missing = send(server, "GET", "HTTP/1.0");
    assertThat(missing).matches("(?s)HTTP/1\\.[01] 400.*");
    assertThat(head(missing).toLowerCase(Locale.ROOT)).doesNotContain("access-control-");
    String twice =
        send(server, "GET", "HTTP/1.1", "Host: 127.0.0.1", "Host: 127.0.0.1", "Origin: " + APP);
    assertRefused(twice);
    assertThat(Resources.ITEM_CALLS.get()).isEqualTo(calls);
  }

  @Test
  void behindATrustedProxyTheForwardedHostCounts() throws IOException {
    int port = behindProxy.port;
    assertThat(
            send(
                behindProxy,
                "GET",
                "HTTP/1.1",
                "Host: 127.0.0.1:" + port,
                "X-Forwarded-Host: api.example.com, API.example.com:8080"))
        .startsWith("HTTP/1.1 200");
    // API.md v1.3: every item of a forwarded list must be allowed (it was the first item alone)
    assertRefused(
        send(
            behindProxy,
            "GET",
            "HTTP/1.1",
            "Host: 127.0.0.1:" + port,
            "X-Forwarded-Host: api.example.com, rebound.example"));
    assertThat(
            send(
                behindProxy,
                "GET",
                "HTTP/1.1",
                "Host: 127.0.0.1:" + port,
                "Forwarded: host=api.example.com;proto=https"))
        .startsWith("HTTP/1.1 200");
    assertRefused(
        send(
            behindProxy,
            "GET",
            "HTTP/1.1",
            "Host: api.example.com",
            "X-Forwarded-Host: rebound.example"));
    assertRefused(send(behindProxy, "GET", "HTTP/1.1", "Host: 127.0.0.1:" + port));
  }

  @Test
  void theDeploymentLogNamesTheListOnce() {
    assertThat(startLog.records.stream().map(r -> r.getMessage() + r.getParameters()[0]))
        .filteredOn(m -> m.contains("allowed hosts"))
        .containsExactly(
            "CORS allowed hosts: {0} (cors.allowed-hosts)"
                + "[127.0.0.1, API.example.com:443, *.tenants.example.net]");
  }
}
