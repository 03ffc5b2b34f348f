package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginMatcherTest {

  /** configured items (|-separated), request Origin, expected Access-Control-Allow-Origin or -. */
  @ParameterizedTest(name = "{0} with Origin {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        // exact, normalised on both sides
        "https://app.example.com; https://app.example.com; https://app.example.com",
        "https://app.example.com/; https://app.example.com; https://app.example.com",
        "HTTPS://APP.example.com:443; https://app.example.com; https://app.example.com",
        "https://app.example.com; HTTPS://app.EXAMPLE.com:443; https://app.example.com",
        "https://app.example.com; http://app.example.com; -",
        "https://app.example.com; https://app.example.com:8443; -",
        "https://app.example.com:8443; https://app.example.com:8443; https://app.example.com:8443",
        "https://app.example.com; https://app.example.com.evil.net; -",
        "https://app.example.com; https://evilapp.example.com; -",
        // wildcard
        "*; https://anything.example; https://anything.example",
        "*; null; -",
        // subdomains at any depth, never the domain itself or look-alikes
        "https://*.example.com; https://a.example.com; https://a.example.com",
        "https://*.example.com; https://a.b.c.example.com; https://a.b.c.example.com",
        "https://*.example.com; https://example.com; -",
        "https://*.example.com; https://evilexample.com; -",
        "https://*.example.com; https://example.com.evil.net; -",
        "https://*.example.com; https://a.example.com.evil.net; -",
        "https://*.example.com; http://a.example.com; -",
        "https://*.example.com; https://a.example.com:8443; -",
        "https://*.example.com; https://a.example.com:443; https://a.example.com",
        "https://*.example.com:8443; https://a.example.com:8443; https://a.example.com:8443",
        "https://*.example.com:8443; https://a.example.com; -",
        "https://*.example.com:*; https://a.example.com:9; https://a.example.com:9",
        "https://*.Example.COM; https://A.example.com; https://a.example.com",
        // any port
        "http://localhost:*; http://localhost:3000; http://localhost:3000",
        "http://localhost:*; http://localhost; http://localhost",
        "http://localhost:*; https://localhost:3000; -",
        "http://localhost:*; http://127.0.0.1:3000; -",
        "http://localhost:*; http://a.localhost:3000; -",
        // null only when listed
        "null; null; null",
        "https://*.example.com|http://localhost:*; null; -",
        // malformed requests never match
        "*; https://app.example.com/; -",
        "*; https://app.example.com/x; -",
        "https://app.example.com; https://app.example.com\u0000x; -",
        // several items
        "https://a.example|https://b.example; https://b.example; https://b.example",
        "; https://a.example; -",
      })
  void matches(String items, String origin, String expected) {
    OriginMatcher matcher =
        OriginMatcher.compile(items == null ? List.of() : List.of(items.split("\\|")), "test");
    assertThat(Matching.match(matcher, origin).orElse("-")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "app.example.com; no scheme",
        "https://app.example.com/app; path",
        "https://app.example.com?x=1; path, query",
        "https://user@app.example.com; user-info",
        "https://; host",
        "https://:8080; host",
        "https://app.example.com:99999; port",
        "https://app.example.com:x; port",
        "https://*.*.example.com; wildcard",
        "https://a*.example.com; wildcard",
        "https://*; host",
        "https://app .example.com; host",
      })
  void refusesInvalidItemsNamingThemAndTheirSource(String item, String why) {
    assertThatThrownBy(() -> OriginMatcher.compile(List.of(item), "cors.allowed-origins"))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageContaining("'" + item + "'")
        .hasMessageContaining("cors.allowed-origins")
        .hasMessageContaining(why);
  }

  @org.junit.jupiter.api.Test
  void patternLookupDoesNotDependOnTheNumberOfPatterns() {
    List<String> items = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      items.add("https://*.tenant" + i + ".example.com");
    }
    OriginMatcher matcher = OriginMatcher.compile(items, "test");
    assertThat(Matching.match(matcher, "https://x.tenant999.example.com"))
        .contains("https://x.tenant999.example.com");
    assertThat(Matching.match(matcher, "https://x.tenant1000.example.com")).isEmpty();
    assertThat(matcher.isEmpty()).isFalse();
    assertThat(OriginMatcher.compile(List.of(), "test").isEmpty()).isTrue();
  }
}
