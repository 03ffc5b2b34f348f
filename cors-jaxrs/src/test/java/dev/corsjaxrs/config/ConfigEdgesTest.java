package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The corners of reading configuration: expressions, lists, paths, every annotation attribute. */
class ConfigEdgesTest {

  @CorsAllowed(
      origins = "https://a.example",
      methods = {"GET", "PUT"},
      allowedHeaders = "X-A",
      exposedHeaders = "X-B",
      allowCredentials = "true",
      maxAge = 0,
      allowPrivateNetwork = "true")
  static class Everything {
    public void get() {}
  }

  @CorsAllowed(allowCredentials = "${blank: }", origins = "https://a.example")
  static class Blank {
    public void get() {}
  }

  static PolicyResolver resolver(Map<String, String> config) {
    return PolicyResolverTest.resolver(config);
  }

  @Test
  void everyAnnotationAttributeIsRead() throws NoSuchMethodException {
    CorsPolicy policy =
        resolver(Map.of())
            .forResource(Everything.class, Everything.class.getMethod("get"), "e", List.of("GET"));
    CorsRequest request =
        new CorsRequest(List.of("https://a.example"), "PUT", List.of("x-a"), "true", null, null);
    CorsDecision decision = policy.preflight(request);
    assertThat(decision.headers())
        .containsEntry("Access-Control-Allow-Origin", "https://a.example")
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry("Access-Control-Allow-Methods", "GET, PUT, HEAD")
        .containsEntry("Access-Control-Allow-Headers", "X-A")
        .containsEntry("Access-Control-Max-Age", "0")
        .containsEntry("Access-Control-Allow-Private-Network", "true");
    assertThat(
            policy.actual(CorsRequest.actual(List.of("https://a.example"), null, null)).headers())
        .containsEntry("Access-Control-Expose-Headers", "X-B");
  }

  @Test
  void anAttributeThatExpandsToBlankInherits() throws NoSuchMethodException {
    CorsPolicy policy =
        resolver(Map.of("cors.allow-credentials", "true"))
            .forResource(Blank.class, Blank.class.getMethod("get"), "b", List.of("GET"));
    assertThat(policy.allowCredentials()).isTrue();
    assertThat(policy.sourceOf(CorsPolicy.Attribute.ALLOW_CREDENTIALS))
        .isEqualTo("cors.allow-credentials");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain|plain",
        "${a}|A",
        "x${a}y|xAy",
        "${a}${b}|AB",
        "${ a }|A",
        "${missing:fallback}|fallback",
        "${missing:}|''",
        "${a:fallback}|A",
        "$a|$a",
        "a}|a}",
        "${a}}|A}",
      })
  void expandsExpressions(String value, String expected) {
    assertThat(
            new ConfigReader(PolicyResolverTest.config(Map.of("a", "A", "b", "B")))
                .expand(value, "here"))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${a", "x${", "${missing}", "${a}${missing}"})
  void refusesBrokenOrUnresolvedExpressions(String value) {
    assertThatThrownBy(
            () ->
                new ConfigReader(PolicyResolverTest.config(Map.of("a", "A")))
                    .expand(value, "@CorsAllowed(origins) on X"))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining("@CorsAllowed(origins) on X");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "a\\,b|a,b",
        "a\\|a\\",
        "a\\b|a\\b",
        "\\,|','",
        "a,\\,|a;,",
      })
  void splitsListsWithEscapedCommas(String text, String expected) {
    assertThat(String.join(";", PolicyKey.splitList(text))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/|''",
        "''|''",
        "//a|a",
        "a/|a",
        "/a/b/|a/b",
        "/*|*",
        "*|*",
        "/a/*|a/*",
        " /a |a",
      })
  void normalisesPaths(String item, String expected) {
    assertThat(ConfigReader.normalisePath(item, "k")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a*", "/a/*/b", "/*/a", "/a?b", "/a//b", "/a/**", "**"})
  void refusesPathsThatAreNeitherExactNorPrefixes(String item) {
    assertThatThrownBy(() -> ConfigReader.normalisePath(item, "cors.policy.p.paths"))
        .hasMessageContaining("'" + item + "'")
        .hasMessageContaining("cors.policy.p.paths");
  }

  @Test
  void theMostSpecificPathItemWinsEvenOverACatchAll() {
    PolicyResolver resolver =
        resolver(
            Map.of(
                "cors.policy.all.paths", "/*",
                "cors.policy.all.max-age", "1",
                "cors.policy.b.paths", "/a/*",
                "cors.policy.b.max-age", "2",
                "cors.policy.c.paths", "/a",
                "cors.policy.c.max-age", "3"));
    assertThat(resolver.forPath("a/x").maxAge()).isEqualTo(2);
    assertThat(resolver.forPath("a").maxAge()).isEqualTo(3);
    assertThat(resolver.forPath("b").maxAge()).isEqualTo(1);
  }

  @Test
  void enabledAndPolicyKeysAreChecked() {
    assertThat(resolver(Map.of("cors.enabled", "true")).enabled()).isTrue();
    assertThatThrownBy(() -> resolver(Map.of("cors.policy..x", "1")))
        .hasMessageContaining("'cors.policy..x'");
    assertThatThrownBy(() -> resolver(Map.of("cors.policy.p.enabled", "true")))
        .hasMessageContaining("'cors.policy.p.enabled'");
  }

  @Test
  void trustInForwardedHeadersIsDeploymentWide() {
    assertThat(resolver(Map.of()).trustForwardedHeaders()).isFalse();
    assertThat(resolver(Map.of("cors.trust-forwarded-headers", "TRUE")).trustForwardedHeaders())
        .isTrue();
    PolicyResolver agreeing =
        resolver(
            Map.of(
                "cors.trust-forwarded-headers", "true",
                "cors.policy.p.trust-forwarded-headers", "true",
                "cors.policy.p.paths", "/p/*"));
    assertThat(agreeing.trustForwardedHeaders()).isTrue();
    assertThatThrownBy(
            () ->
                resolver(
                    Map.of(
                        "cors.policy.p.trust-forwarded-headers", "true",
                        "cors.policy.p.paths", "/p/*")))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageContaining("cors.policy.p.trust-forwarded-headers")
        .hasMessageContaining("whole deployment")
        .hasMessageContaining("set cors.trust-forwarded-headers=true");
  }

  @Test
  void equalPoliciesOfOneDeploymentAreOneObject() {
    PolicyResolver resolver =
        resolver(
            Map.of(
                "cors.allowed-origins", "https://a.example, https://*.b.example",
                "cors.policy.p.paths", "/p/*",
                "cors.policy.p.max-age", "60"));
    CorsPolicy first = resolver.forResource(Everything.class, method("get"), "e", null);
    assertThat(resolver.forResource(Everything.class, method("get"), "e", null)).isSameAs(first);
    assertThat(resolver.forPath("x")).isSameAs(resolver.forPath("y/z"));
    assertThat(resolver.forPath("p/1").origins()).isSameAs(resolver.forPath("x").origins());
  }

  private static java.lang.reflect.Method method(String name) {
    try {
      return Everything.class.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
