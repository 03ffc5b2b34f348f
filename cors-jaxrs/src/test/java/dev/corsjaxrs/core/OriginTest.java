package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://app.example.com, https://app.example.com",
    "HTTPS://App.Example.COM, https://app.example.com",
    "https://app.example.com:443, https://app.example.com",
    "http://app.example.com:80, http://app.example.com",
    "http://app.example.com:443, http://app.example.com:443",
    "https://app.example.com:80, https://app.example.com:80",
    "http://localhost:8080, http://localhost:8080",
    "http://127.0.0.1:3000, http://127.0.0.1:3000",
    "http://[::1]:8080, http://[::1]:8080",
    "http://[::1], http://[::1]",
    "chrome-extension://abcdef, chrome-extension://abcdef",
    "https://xn--bcher-kva.example, https://xn--bcher-kva.example",
    "https://a_b.example.com, https://a_b.example.com",
    "null, null",
    "https://app.example.com:0443, https://app.example.com",
  })
  void parsesAndNormalises(String header, String serialized) {
    assertThat(Origin.parse(header)).hasValueSatisfying(o -> assertThat(o).hasToString(serialized));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        " ",
        "NULL",
        "app.example.com",
        "https://",
        "https:///",
        "https://app.example.com/",
        "https://app.example.com/path",
        "https://app.example.com?q=1",
        "https://app.example.com#frag",
        "https://user@app.example.com",
        "https://user:pw@app.example.com",
        "https://app.example.com:",
        "https://app.example.com:65536",
        "https://app.example.com:-1",
        "https://app.example.com:80a",
        "https://app.example.com:123456",
        "https://app..example.com",
        "https://.app.example.com",
        "https://app example.com",
        "https://app.example.com\r\nX-Evil: 1",
        "https://app.example.com\u0000",
        "https://bücher.example",
        "1https://app.example.com",
        "ht tp://app.example.com",
        "://app.example.com",
        "https://[::1",
        "https://[zz::1]",
        "https://*.example.com",
        "https://app.example.com, https://other.example.com"
      })
  void refusesAnythingThatIsNotASerializedOrigin(String header) {
    assertThat(Origin.parse(header)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {Origin.MAX_LENGTH + 1, 8192})
  void refusesOverlongValues(int length) {
    String header = "https://" + "a".repeat(length) + ".example";
    assertThat(Origin.parse(header)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"http, 80", "https, 443", "ws, 80", "wss, 443", "ftp, -1"})
  void knowsDefaultPorts(String scheme, int port) {
    assertThat(Origin.defaultPort(scheme)).isEqualTo(port);
  }
}
