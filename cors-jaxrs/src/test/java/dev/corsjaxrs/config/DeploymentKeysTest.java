package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.CorsPolicy;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys that hold for a whole deployment, and the policies of paths no resource serves. */
class DeploymentKeysTest {

  static PolicyResolver resolver(Map<String, String> config) {
    return PolicyResolverTest.resolver(config);
  }

  @ParameterizedTest
  @CsvSource({"0,0", "' 7 ',7", "60,60", "86400,86400"})
  void checkAnswerSecondsAreAWholeNumberZeroOrMore(String text, long seconds) {
    assertThat(
            new ConfigReader(
                    PolicyResolverTest.config(Map.of("cors.origin-check.cache-seconds", text)))
                .checkAnswerSeconds())
        .isEqualTo(seconds);
  }

  @ParameterizedTest
  @CsvSource({"-1", "1.5", "x"})
  void otherCheckAnswerSecondsFailNamingTheKey(String text) {
    assertThatThrownBy(
            () ->
                new ConfigReader(
                        PolicyResolverTest.config(Map.of("cors.origin-check.cache-seconds", text)))
                    .checkAnswerSeconds())
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid CORS value '" + text + "' in cors.origin-check.cache-seconds");
  }

  @Test
  void withoutTheKeyAnAnswerIsKeptAMinute() {
    assertThat(new ConfigReader(PolicyResolverTest.config(Map.of())).checkAnswerSeconds())
        .isEqualTo(60);
  }

  @Test
  void servletPathsAreReadOnceNormalisedWithEscapes() {
    ConfigReader reader =
        new ConfigReader(
            PolicyResolverTest.config(Map.of("cors.servlet.paths", "/files/*, /export/, /a\\,b")));
    assertThat(reader.servletPaths()).containsExactly("files/*", "export", "a,b");
    assertThat(resolver(Map.of()).servletPaths()).isEmpty();
    assertThatThrownBy(() -> resolver(Map.of("cors.servlet.paths", "/a/*/b")))
        .hasMessageContaining("'/a/*/b' in cors.servlet.paths");
  }

  /** What would silently vanish beside Quarkus's own CORS filter (API.md v1.3 "Settled"). */
  @Test
  void theProtectionsOnlyThisModuleGivesAreNamedByTheirKeys() {
    assertThat(resolver(Map.of("cors.allowed-origins", "https://a.example")).protectionKeys())
        .isEmpty();
    assertThat(resolver(Map.of("cors.reject-disallowed", "false")).protectionKeys()).isEmpty();
    assertThat(resolver(Map.of("cors.reject-disallowed", "report")).protectionKeys())
        .containsExactly("cors.reject-disallowed");
    assertThat(
            resolver(
                    Map.of(
                        "cors.policy.admin.reject-disallowed", "true",
                        "com.acme.Items/put/CorsAllowed/rejectDisallowed", "report",
                        "com.acme.Other/CorsAllowed/rejectDisallowed", "false",
                        "cors.allowed-hosts", "api.example.com"))
                .protectionKeys())
        .containsExactlyInAnyOrder(
            "cors.policy.admin.reject-disallowed",
            "com.acme.Items/put/CorsAllowed/rejectDisallowed",
            "cors.allowed-hosts");
  }

  /** Here, as in any application without cors-jaxrs-servlet, the servlet door is absent. */
  @Test
  void servletPathsWithoutTheServletArtifactFailTheDeploymentNamingIt() {
    assertThatThrownBy(() -> resolver(Map.of("cors.servlet.paths", "/files/*")))
        .isInstanceOf(dev.corsjaxrs.InvalidCorsConfigurationException.class)
        .hasMessageContaining("cors.servlet.paths is set ([files/*])")
        .hasMessageContaining("dev.corsjaxrs:cors-jaxrs-servlet");
    assertThat(resolver(Map.of("cors.enabled", "false", "cors.servlet.paths", "/f")).enabled())
        .as("a module turned off needs no door")
        .isFalse();
  }

  @Test
  void aNamedPolicyTakesPathsAndThePolicyKeysOnly() {
    assertThat(resolver(Map.of("cors.policy.p.paths", "/p/*")).forPath("p/x").telemetryName())
        .isEqualTo("p");
    assertThatThrownBy(() -> resolver(Map.of("cors.policy.p.path", "/p/*")))
        .hasMessage(
            "Unknown CORS key 'cors.policy.p.path' (set in PropertiesConfigSource[source=test]): did you mean"
                + " cors.policy.p.paths? A named policy takes paths, allowed-origins,"
                + " allowed-methods, allowed-headers, exposed-headers, allow-credentials, max-age,"
                + " allow-private-network, reject-disallowed, origin-check,"
                + " trust-forwarded-headers");
  }

  @Test
  void theUnseenPathPolicyIsDisabledOncePerCoveringPolicyAndStrictWhereItIs() {
    PolicyResolver resolver =
        resolver(
            Map.of(
                "cors.allowed-origins", "https://a.example",
                "cors.policy.p.paths", "/p/*",
                "cors.policy.p.reject-disallowed", "true"));
    CorsPolicy outside = resolver.forUnseenPath("x/y", "X#y");
    assertThat(outside.isDisabled()).isTrue();
    assertThat(outside.rejectDisallowed()).isFalse();
    assertThat(outside.sourceOf(CorsPolicy.Attribute.ORIGINS)).contains("X#y");
    assertThat(resolver.forUnseenPath("z", "Z#z")).isSameAs(outside);
    CorsPolicy inside = resolver.forUnseenPath("p/1", "X#y");
    assertThat(inside).isNotSameAs(outside);
    assertThat(inside.isDisabled()).isTrue();
    assertThat(inside.rejectDisallowed()).isTrue();
    assertThat(resolver.forUnseenPath("p/2", "X#y")).isSameAs(inside);
  }

  @Test
  void pathPoliciesAreTheGlobalOneAndOnePerNamedPolicy() {
    PolicyResolver resolver =
        resolver(Map.of("cors.policy.p.paths", "/p/*", "cors.policy.q.paths", "/q"));
    assertThat(resolver.pathPolicies())
        .containsExactlyInAnyOrder(
            resolver.forPath("p/1"), resolver.forPath("q"), resolver.forPath("x"));
    assertThat(resolver.pathPolicies()).hasSize(3);
  }

  @Test
  void oneProtocolPerDeploymentAndTheHostListLoggedOnce() {
    Logger logger = Logger.getLogger("dev.corsjaxrs");
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(new SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      PolicyResolver hosts = resolver(Map.of("cors.allowed-hosts", "localhost, [::1]:8080"));
      assertThat(hosts.protocol()).isNotNull().isSameAs(hosts.protocol());
      assertThat(hosts.protocol().checksHosts()).isTrue();
      assertThat(resolver(Map.of()).protocol().checksHosts()).isFalse();
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(lines)
        .containsExactly("CORS allowed hosts: [localhost, [::1]:8080] (cors.allowed-hosts)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "x, all",
    "a, below-a",
    "a/b/c, below-ab",
    "a/bc, below-a",
    "ab, all",
    "b/a, all",
    "a/b, exact-ab",
    // served as a/b (templates match with or without a trailing slash): a/b's exact item, so that
    // the slash never slips past an exact path's policy (it was below-ab before API.md v1.3)
    "a/b/, exact-ab",
    "a/b/c/, below-ab",
  })
  void theMostSpecificNamedPolicyCoversAPath(String path, String name) {
    PolicyResolver resolver =
        resolver(
            Map.of(
                "cors.policy.all.paths", "/*",
                "cors.policy.all2.paths", "/*",
                "cors.policy.below-a.paths", "/a/*",
                "cors.policy.below-ab.paths", "/a/b/*",
                "cors.policy.exact-ab.paths", "/a/b"));
    assertThat(resolver.forPath(path).telemetryName()).isEqualTo(name);
  }

  @Test
  void withoutPatternsAnExactPathOrEverythingCovers() {
    PolicyResolver resolver =
        resolver(Map.of("cors.policy.e.paths", "/a", "cors.policy.z.paths", "*"));
    assertThat(resolver.forPath("a").telemetryName()).isEqualTo("e");
    assertThat(resolver.forPath("a/b").telemetryName()).isEqualTo("z");
    assertThat(resolver(Map.of("cors.policy.e.paths", "/a")).forPath("b").telemetryName())
        .isEqualTo("global");
  }
}
