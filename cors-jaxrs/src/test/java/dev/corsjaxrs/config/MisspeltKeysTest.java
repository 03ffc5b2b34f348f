package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.testing.CapturedLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A misspelt key under {@code cors.} fails the deployment, naming the closest key it meant. */
class MisspeltKeysTest {

  @ParameterizedTest
  @CsvSource({
    "cors.allowed-origin, cors.allowed-origins",
    "cors.allow-origins, cors.allowed-origins",
    "cors.allowed-method, cors.allowed-methods",
    "cors.exposed-header, cors.exposed-headers",
    "cors.allow-credential, cors.allow-credentials",
    "cors.maxage, cors.max-age",
    "cors.enable, cors.enabled",
    "cors.reject-disalowed, cors.reject-disallowed",
    "cors.servlet.path, cors.servlet.paths",
    "cors.allowed-host, cors.allowed-hosts",
    "cors.origin-check.cache-second, cors.origin-check.cache-seconds",
    "cors.trust-forwarded-header, cors.trust-forwarded-headers",
    "cors.policy, cors.policy.<name>.<key>",
    "cors.origins, cors.allowed-origins",
    "cors.hosts, cors.allowed-hosts",
    "cors.policies.x.paths, cors.policy.x.paths",
  })
  void aGlobalKeyNoOneReadsFailsNamingTheClosestKey(String key, String meant) {
    if (meant.contains("<name>")) {
      assertThatThrownBy(() -> PolicyResolverTest.resolver(Map.of(key, "x")))
          .isInstanceOf(InvalidCorsConfigurationException.class)
          .hasMessageStartingWith(
              "Unknown CORS key '"
                  + key
                  + "' (set in PropertiesConfigSource[source=test]): did you mean");
      return;
    }
    assertThatThrownBy(() -> PolicyResolverTest.resolver(Map.of(key, "x")))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith(
            "Unknown CORS key '"
                + key
                + "' (set in PropertiesConfigSource[source=test]): did you mean "
                + meant
                + "? The keys are")
        .hasMessageEndingWith(", and cors.policy.<name>.<key> for named policies");
  }

  @Test
  void anOverrideOfAnAttributeCorsAllowedDoesNotHaveFailsTheDeployment() {
    assertThatThrownBy(
            () ->
                PolicyResolverTest.resolver(
                    Map.of("com.acme.Items/put/CorsAllowed/rejectDisalowed", "true")))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith(
            "Unknown CORS key 'com.acme.Items/put/CorsAllowed/rejectDisalowed' (set in"
                + " PropertiesConfigSource[source=test]): @CorsAllowed has no attribute"
                + " 'rejectDisalowed'; did you mean rejectDisallowed?");
    assertThat(
            PolicyResolverTest.resolver(
                    Map.of(
                        "com.acme.Items/CorsAllowed/rejectDisallowed", "report",
                        "com.acme.Items/put/CorsAllowed/origins", "https://a.example"))
                .enabled())
        .isTrue();
  }

  @Test
  void aNamedPolicyKeyWithoutANameFailsTheDeployment() {
    assertThatThrownBy(() -> PolicyResolverTest.resolver(Map.of("cors.policy..paths", "/x")))
        .hasMessage("Invalid CORS key 'cors.policy..paths': write cors.policy.<name>.<key>");
  }

  @Test
  void oneErrorIsSaidAsItIsAndSeveralAreNumbered() {
    assertThatThrownBy(() -> PolicyResolverTest.resolver(Map.of("cors.max-age", "soon")))
        .hasMessage("Invalid CORS value 'soon' in cors.max-age: expected a whole number");
    assertThatThrownBy(
            () ->
                PolicyResolverTest.resolver(
                    Map.of("cors.max-age", "soon", "cors.allow-credentials", "maybe")))
        .hasMessageStartingWith("2 CORS configuration errors:\n  1. Invalid CORS value '")
        .hasMessageContaining("\n  2. Invalid CORS value '");
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    "cors.origins, cors.allowed-origins, 1",
    "cors.origins, cors.origin-check, 2",
    "a.b, a.b, 0",
    "a, a.bc, 2",
    "a.bc, a, 2",
    "ab-cd, cd, 2",
    "x-y, x, 1",
    "abc, abd, 1",
    "cors.policies.x.paths, cors.policy.x.paths, 3",
  })
  void keysCompareSegmentBySegmentAndWordByWord(String a, String b, int distance) {
    assertThat(KnownKeys.keyDistance(a, b)).isEqualTo(distance);
  }

  @Test
  void aDeploymentWithSeveralErrorsNamesEveryOne() {
    assertThatThrownBy(
            () ->
                PolicyResolverTest.resolver(
                    Map.of(
                        "cors.origins", "https://a.example",
                        "cors.max-age", "soon",
                        "cors.policy.p.allowed-origin", "x",
                        "cors.allowed-hosts", "a b")))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith("4 CORS configuration errors:")
        .hasMessageContaining("'cors.origins'")
        .hasMessageContaining("'soon' in cors.max-age")
        .hasMessageContaining("'cors.policy.p.allowed-origin'")
        .hasMessageContaining("cors.allowed-hosts");
  }

  @ParameterizedTest
  @CsvSource({
    "cors.policy.p.allowed-origin, cors.policy.p.allowed-origins",
    "cors.policy.p.path, cors.policy.p.paths",
    "cors.policy.p.credentials, cors.policy.p.allow-credentials",
    "cors.policy.p.max_age, cors.policy.p.max-age",
  })
  void aNamedPolicyKeyNoOneReadsFailsNamingTheClosestKey(String key, String meant) {
    assertThatThrownBy(() -> PolicyResolverTest.resolver(Map.of(key, "x")))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith(
            "Unknown CORS key '"
                + key
                + "' (set in PropertiesConfigSource[source=test]): did you mean "
                + meant
                + "?");
  }

  @Test
  void everyKeyOfTheContractIsKnown() {
    Map<String, String> config =
        Map.ofEntries(
            Map.entry("cors.enabled", "true"),
            Map.entry("cors.allowed-origins", "https://a.example"),
            Map.entry("cors.allowed-methods", "GET"),
            Map.entry("cors.allowed-headers", "*"),
            Map.entry("cors.exposed-headers", "X-A"),
            Map.entry("cors.allow-credentials", "true"),
            Map.entry("cors.max-age", "10"),
            Map.entry("cors.allow-private-network", "false"),
            Map.entry("cors.reject-disallowed", "report"),
            Map.entry("cors.trust-forwarded-headers", "false"),
            Map.entry("cors.origin-check.cache-seconds", "5"),
            Map.entry("cors.servlet.paths", "/files/*"),
            Map.entry("cors.allowed-hosts", "api.example"),
            Map.entry("cors.policy.p.paths", "/p"),
            Map.entry("cors.policy.p.allowed-origins", "https://b.example"),
            Map.entry("cors.policy.p.reject-disallowed", "true"));
    Map<String, String> withoutServletDoor = new java.util.HashMap<>(config);
    withoutServletDoor.remove("cors.servlet.paths"); // its door is another artifact
    assertThat(PolicyResolverTest.resolver(withoutServletDoor).enabled()).isTrue();
    List<String> expected = new ArrayList<>(List.of("cors.origin-check"));
    config.keySet().stream().filter(k -> !k.startsWith("cors.policy.")).forEach(expected::add);
    assertThat(KnownKeys.GLOBAL).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void keysOutsideTheModuleAndATurnedOffModuleAreLeftAlone() {
    assertThat(
            PolicyResolverTest.resolver(Map.of("corsx.allowed-origin", "x", "cors", "x")).enabled())
        .isTrue();
    assertThat(
            PolicyResolverTest.resolver(Map.of("cors.enabled", "false", "cors.allowed-origin", "x"))
                .enabled())
        .isFalse();
  }

  @Test
  void withHelidonsCorsModulePresentItsKeysOnlyWarn() {
    List<String> warnings;
    try (CapturedLog log = CapturedLog.of("dev.corsjaxrs")) {
      KnownKeys.checkGlobal("cors.allow-origins", "application.yaml", true);
      KnownKeys.checkGlobal("cors.paths.0.path-pattern", null, true);
      assertThatThrownBy(() -> KnownKeys.checkGlobal("cors.paths.0.path-pattern", null, false))
          .hasMessageStartingWith("Unknown CORS key 'cors.paths.0.path-pattern': did you mean");
      assertThatThrownBy(() -> KnownKeys.checkGlobal("cors.allowed-origin", null, true))
          .hasMessageStartingWith(
              "Unknown CORS key 'cors.allowed-origin': did you mean cors.allowed-origins?");
      warnings = log.messages(Level.WARNING);
    }
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0))
        .isEqualTo(
            "CORS key 'cors.allow-origins' (set in application.yaml) belongs to Helidon's own CORS"
                + " module (helidon-microprofile-cors), which is on the class path; cors-jaxrs"
                + " ignores it (closest key of cors-jaxrs: cors.allowed-origins). Two CORS layers"
                + " answer the same requests: keep one.");
  }

  @Test
  void aConfigurationThatCannotListItsKeysIsSaidOnceAndReadAsUsual() {
    Config values = PolicyResolverTest.config(Map.of("cors.allowed-origins", "https://a.example"));
    Config unlisted =
        (Config)
            Proxy.newProxyInstance(
                Config.class.getClassLoader(),
                new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getPropertyNames")) {
                    throw new UnsupportedOperationException("no listing here");
                  }
                  try {
                    return method.invoke(values, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    List<String> lines;
    try (CapturedLog log = CapturedLog.of("dev.corsjaxrs")) {
      PolicyResolver resolver = new PolicyResolver(unlisted);
      assertThat(resolver.forPath("x").sourceOf(dev.corsjaxrs.core.CorsPolicy.Attribute.ORIGINS))
          .isEqualTo("cors.allowed-origins");
      lines = log.messages(Level.INFO);
    }
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("CORS keys are not checked for misspellings")
        .endsWith("(java.lang.UnsupportedOperationException: no listing here)");
  }

  @ParameterizedTest
  @CsvSource({"abc, abc, 0", "abc, abd, 1", "abc, ab, 1", "'', abc, 3", "kitten, sitting, 3"})
  void distanceCountsSingleCharacterEdits(String a, String b, int distance) {
    assertThat(KnownKeys.distance(a, b)).isEqualTo(distance);
    assertThat(KnownKeys.distance(b, a)).isEqualTo(distance);
  }
}
