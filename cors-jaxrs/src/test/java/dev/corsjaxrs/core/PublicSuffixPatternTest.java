package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No origin pattern over a public suffix (API.md v1.3): anyone can register a name under one. The
 * list is the Public Suffix List, both sections, embedded in the jar at build time.
 */
class PublicSuffixPatternTest {

  @ParameterizedTest(name = "{0} is refused, naming {1}")
  @CsvSource({
    "https://*.com, com", // ICANN, one label
    "https://*.co.uk, co.uk", // ICANN, two labels
    "https://*.github.io, github.io", // private section
    "https://*.vercel.app, vercel.app", // private section
    "https://*.foo.ck, foo.ck", // under the wildcard rule *.ck
    "http://*.blogspot.com:*, blogspot.com", // private, any port
    "https://*.xn--55qx5d.cn, xn--55qx5d.cn", // 公司.cn, compared in punycode
  })
  void aPatternOverAPublicSuffixFailsTheDeploymentNamingIt(String pattern, String suffix) {
    assertThatThrownBy(() -> OriginMatcher.compile(List.of(pattern), "cors.allowed-origins"))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith("Invalid CORS origin '" + pattern + "' in cors.allowed-origins")
        .hasMessageContaining("'" + suffix + "' is a public suffix (Public Suffix List 20");
  }

  @ParameterizedTest(name = "{0} deploys")
  @ValueSource(
      strings = {
        "https://*.example.github.io",
        "https://*.example.co.uk",
        "https://*.example.com",
        "https://*.www.ck", // the exception rule !www.ck
        "https://*.tenants.example.net",
        "https://github.io", // an exact origin is not a pattern
        "https://*.localhost",
      })
  void aPatternUnderARegistrableNameDeploys(String pattern) {
    assertThat(OriginMatcher.compile(List.of(pattern), "cors.allowed-origins").items())
        .containsExactly(pattern);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "com, true",
    "co.uk, true",
    "CO.UK, true",
    "github.io, true",
    "foo.ck, true",
    "www.ck, false",
    "a.foo.ck, false",
    "example.com, false",
    "example.co.uk, false",
    "localhost, false", // no entry (the list's implicit "*" rule is not applied: API.md v1.3)
    "xn--55qx5d.cn, true",
    "公司.cn, true",
    ".ck, false",
  })
  void theListDecides(String name, boolean suffix) {
    // read here, not shared: each rule's reading is this test's to check
    assertThat(PublicSuffixes.read().isPublicSuffix(name)).isEqualTo(suffix);
  }

  @Test
  void theListIsReadOnceAndKept() {
    assertThat(PublicSuffixes.get()).isSameAs(PublicSuffixes.get());
    assertThat(PublicSuffixes.read().version()).isEqualTo(PublicSuffixes.get().version());
  }

  @Test
  void theEmbeddedListIsCompactAndDated() throws IOException {
    byte[] embedded;
    try (InputStream in = PublicSuffixes.class.getResourceAsStream(PublicSuffixes.RESOURCE)) {
      embedded = in.readAllBytes();
    }
    System.err.printf(
        "public suffix list: %d bytes in the jar, version %s%n",
        embedded.length, PublicSuffixes.get().version());
    assertThat(embedded.length).isLessThan(100 * 1024);
    assertThat(PublicSuffixes.get().version()).matches("\\d{4}-\\d{2}-\\d{2}_.*");
  }
}
