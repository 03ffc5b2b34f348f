package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes no HTTP client would send, written to the socket by hand: control characters, NUL,
 * non-ASCII, folded and repeated headers. Each gets a clear 4xx or is treated as not CORS: never a
 * 500, never an Access-Control-Allow-Origin for it, never a log record above FINE from the module.
 */
class HostileInputTest {

  static TestServer server;
  static TestServer reporting;
  static LogCapture log;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            Map.of("cors.allowed-origins", "https://app.example.com"), Resources.Items.class);
    // report mode and a host list: hostile requests there are reported, within the bound
    reporting =
        TestServer.start(
            Map.of(
                "cors.allowed-origins", "https://app.example.com",
                "cors.reject-disallowed", "report",
                "cors.allowed-hosts", "127.0.0.1"),
            Resources.Items.class);
    server.startupMapWritten();
    reporting.startupMapWritten();
    log = LogCapture.of("dev.corsjaxrs");
  }

  @AfterAll
  static void stop() {
    log.close();
    server.close();
    reporting.close();
    assertThat(log.aboveFine())
        .as("module log records above FINE caused by hostile requests, but for report lines")
        .allMatch(r -> r.getLoggerName().equals("dev.corsjaxrs.report"));
    List<String> reports =
        log.aboveFine().stream().map(r -> new SimpleFormatter().formatMessage(r)).toList();
    assertThat(reports).isNotEmpty().hasSizeLessThanOrEqualTo(100);
    assertThat(reports)
        .as("report lines hold printable ASCII only")
        .allMatch(line -> line.chars().allMatch(c -> c >= 0x20 && c <= 0x7e));
  }

  static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.ISO_8859_1);
  }

  static Stream<Arguments> requests() {
    String app = "https://app.example.com";
    return Stream.of(
        Arguments.of("CR inside Origin", "GET /api/items", "Origin: " + app + "\rX-Injected: 1"),
        Arguments.of("NUL inside Origin", "GET /api/items", "Origin: " + app + "\0"),
        Arguments.of(
            "NUL inside a preflight's Origin",
            "OPTIONS /api/items/1",
            "Origin: " + app + "\0\r\nAccess-Control-Request-Method: PUT"),
        Arguments.of(
            "Latin-1 byte in Origin", "GET /api/items", "Origin: https://b\u00fccher.example"),
        Arguments.of(
            "UTF-8 bytes in Origin", "GET /api/items", "Origin: https://b\u00c3\u00bccher.example"),
        Arguments.of(
            "0xFF bytes in Origin", "GET /api/items", "Origin: https://\u00ff\u00ff.example"),
        Arguments.of(
            "control character in method",
            "OPTIONS /api/items/1",
            "Origin: " + app + "\r\nAccess-Control-Request-Method: P\u0001T"),
        Arguments.of(
            "NUL in requested headers",
            "OPTIONS /api/items/1",
            "Origin: "
                + app
                + "\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: x-a\0"),
        Arguments.of(
            "non-ASCII requested header",
            "OPTIONS /api/items/1",
            "Origin: "
                + app
                + "\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: x-\u00e9"),
        Arguments.of(
            "obsolete line folding in Origin",
            "GET /api/items",
            "Origin: " + app + "\r\n .evil.net"),
        Arguments.of(
            "two Origin headers",
            "GET /api/items",
            "Origin: " + app + "\r\nOrigin: https://evil.example"),
        Arguments.of("Origin: null", "GET /api/items", "Origin: null"),
        Arguments.of("empty Origin", "GET /api/items", "Origin:"),
        Arguments.of(
            "lower-case preflight method",
            "OPTIONS /api/items/1",
            "Origin: " + app + "\r\nAccess-Control-Request-Method: put"),
        Arguments.of(
            "8 KB Origin", "GET /api/items", "Origin: https://" + "a".repeat(8192) + ".example"),
        Arguments.of(
            "1,000 requested headers",
            "OPTIONS /api/items/1",
            "Origin: "
                + app
                + "\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: "
                + ConformanceTest.thousandHeaders()),
        Arguments.of(
            "1,000 header lines",
            "OPTIONS /api/items/1",
            "Origin: "
                + app
                + "\r\nAccess-Control-Request-Method: PUT"
                + "\r\nAccess-Control-Request-Headers: x-a".repeat(1000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void isRefusedOrIgnoredNeverAServerErrorNorReflected(
      String name, String requestLine, String headers) throws IOException {
    String raw =
        requestLine
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + server.port
            + "\r\n"
            + headers
            + "\r\nConnection: close\r\n\r\n";
    for (TestServer to : List.of(server, reporting)) {
      answersSafely(to, raw.replace(":" + server.port + "\r\n", ":" + to.port + "\r\n"));
    }
  }

  private static void answersSafely(TestServer to, String raw) throws IOException {
    String response = Wire.raw(to.port, bytes(raw));
    String statusLine = response.lines().findFirst().orElse("");
    assertThat(statusLine).as("status line").matches("HTTP/1\\.1 [1-4]\\d\\d.*");
    String head = response.split("\r\n\r\n", 2)[0].toLowerCase(Locale.ROOT);
    assertThat(head).as("response head").doesNotContain("x-injected").doesNotContain("evil");
    // Where a container splits a bare CR into two header lines, the clean origin may be allowed:
    // whatever is allowed is exactly the configured origin, never the bytes that came with it.
    assertThat(head.lines().filter(l -> l.startsWith("access-control-allow-origin:")))
        .allMatch(l -> l.equals("access-control-allow-origin: https://app.example.com"));
  }
}
