package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request's own origin from what the container saw and what a proxy forwarded: {@code Forwarded}
 * first, then {@code X-Forwarded-*}, then the container's view; first item of each.
 */
class OwnOriginTest {

  @ParameterizedTest(name = "{6}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "http|api.example:8080|-|-|-|-|http://api.example:8080|what the container saw",
        "http|api.example:80|-|-|-|-|http://api.example|the scheme's default port dropped",
        "https|API.Example|-|-|-|-|https://api.example|lower-cased",
        "http|api.example|for=1.2.3.4;proto=https;host=shop.example.com|-|-|-|https://shop.example.com|Forwarded",
        "http|api.example|proto=https;host=\"shop.example.com:8443\"|-|-|-|https://shop.example.com:8443|Forwarded, quoted, with a port",
        "http|api.example|proto=https;host=a.example, proto=http;host=b.example|-|-|-|https://a.example|Forwarded's first element only",
        "http|api.example|PROTO=https|-|-|-|https://api.example|Forwarded's names in any case",
        "http|api.example|for=1.2.3.4|https|b.example|-|https://b.example|X-Forwarded-* where Forwarded names neither",
        "http|api.example|proto=;host=|https|b.example|-|https://b.example|empty Forwarded values do not count",
        "http|api.example|proto=https|http|b.example|-|https://b.example|Forwarded wins the scheme, X-Forwarded-Host the host",
        "http|shop.example.com:8443|-|https|-|8443|https://shop.example.com:8443|Host and X-Forwarded-Port",
        "http|a.example:8080|-|-|-|9090|http://a.example:9090|X-Forwarded-Port replaces the host's port",
        "http|[::1]:8080|-|-|-|9090|http://[::1]:9090|an IPv6 host keeps its brackets",
        "http|a.example|-|https, http| b.example , c.example|443, 80|https://b.example|first item of each list",
        "http|a.example|-| |-|-|http://a.example|a blank X-Forwarded-Proto does not count",
        "-|a.example|-|-|-|-|-|no scheme: unknown",
        "http|-|-|-|-|-|-|no host: unknown",
        "http|a.example/x|-|-|-|-|-|not an origin: unknown",
        "http|api.example|host=\"|-|-|-|-|a lone quote is no host",
        "http|api.example|host=\"\"|-|-|-|http://api.example|an empty quoted host does not count",
        "http|api.example|=x;host=b.example|-|-|-|http://b.example|a pair without a name is skipped",
        "http|api.example|host=b.example\"|-|-|-|-|a quote at one end only stays",
        "http|api.example|host=\"b.example|-|-|-|-|a quote at the start only stays",
      })
  void combinesWhatTheProxySent(
      String scheme,
      String host,
      String forwarded,
      String proto,
      String forwardedHost,
      String port,
      String expected,
      String name) {
    assertThat(OwnOrigin.of(scheme, host, forwarded, proto, forwardedHost, port))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "a.example, 8080, a.example:8080",
        "a.example, -1, a.example",
        "a.example, 0, a.example:0",
        "::1, 8080, [::1]:8080",
        "[::1], 80, [::1]:80",
        "-, 80, -"
      })
  void hostAndPortBracketsIpv6(String host, int port, String expected) {
    assertThat(OwnOrigin.hostAndPort(host, port)).isEqualTo(expected);
  }

  /** One reading of every header's lines serves the host check and the own origin (v1.3). */
  @Test
  void severalLinesAreOneListAndEveryHostItemIsKept() {
    Map<String, List<String>> lines =
        Map.of(
            "host", List.of("10.0.0.5:8080"),
            "x-forwarded-host", List.of("api.example.com, ", " b.example"),
            "x-forwarded-proto", List.of("https", "http"),
            "x-forwarded-port", List.of("8443, 80"));
    OwnOrigin read = OwnOrigin.read("http", "10.0.0.5:8080", true, lines::get);
    assertThat(read.hosts()).containsExactly("api.example.com", "b.example");
    assertThat(read.scheme()).isEqualTo("https");
    assertThat(read.port()).isEqualTo("8443");
    assertThat(read.origin()).isEqualTo("https://api.example.com:8443");
    OwnOrigin forwarded =
        OwnOrigin.read(
            "http",
            "x:1",
            true,
            Map.of(
                    "forwarded",
                    List.of("for=1;host=a.example;proto=https", "=x;host=\"b.example\""))
                ::get);
    assertThat(forwarded.hosts()).containsExactly("a.example", "b.example");
    assertThat(forwarded.origin()).isEqualTo("https://a.example");
    OwnOrigin untrusted = OwnOrigin.read("http", "seen:81", false, lines::get);
    assertThat(untrusted.hosts()).containsExactly("10.0.0.5:8080");
    assertThat(untrusted.port()).isNull();
    assertThat(untrusted.origin()).isEqualTo("http://seen:81");
    OwnOrigin twoHosts =
        OwnOrigin.read("http", "seen:81", false, Map.of("host", List.of("a", "b"))::get);
    assertThat(twoHosts.hosts()).as("malformed: none").isEmpty();
    OwnOrigin blank = OwnOrigin.read("http", "seen:81", true, Map.of("host", List.of(" "))::get);
    assertThat(blank.hosts()).isEmpty();
    assertThat(blank.origin()).isEqualTo("http://seen:81");
  }
}
