package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsDisabled;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsPolicy.Attribute;
import dev.corsjaxrs.core.CorsRequest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyResolverTest {

  @CorsAllowed(maxAge = 40, policy = "named")
  static class Annotated {
    @CorsAllowed(maxAge = 20)
    public void both() {}

    public void classOnly() {}
  }

  static class Plain {
    public void plain() {}

    @CorsAllowed(policy = "other")
    public void named() {}
  }

  @CorsAllowed(
      origins = {"${origins.a}", "https://c.example"},
      methods = "${methods:GET,PUT}",
      exposedHeaders = "X-${suffix:Total}",
      allowCredentials = "${creds}",
      allowPrivateNetwork = "true")
  static class Expressions {
    public void get() {}

    @CorsDisabled
    public void off() {}
  }

  @CorsDisabled
  static class Off {
    @CorsAllowed(origins = "https://a.example")
    public void get() {}
  }

  static final String A = "dev.corsjaxrs.config.PolicyResolverTest$Annotated";
  static final String P = "dev.corsjaxrs.config.PolicyResolverTest$Plain";

  static PolicyResolver resolver(Map<String, String> properties) {
    return new PolicyResolver(config(properties));
  }

  static Config config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", 500))
        .addDefaultInterceptors()
        .build();
  }

  static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  static CorsPolicy resolve(
      Map<String, String> config, Class<?> type, String method, String template) {
    return resolver(config).forResource(type, method(type, method), template, List.of("GET"));
  }

  static Map<String, String> levels(String... keysAndValues) {
    Map<String, String> all = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      all.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return all;
  }

  /** Each row drops the highest level of the one before: the next level must win. */
  static Stream<Arguments> precedence() {
    String l1 = A + "/both/CorsAllowed/maxAge";
    String l3 = A + "/CorsAllowed/maxAge";
    String l5 = "cors.policy.named.max-age";
    String l6 = "cors.max-age";
    return Stream.of(
        Arguments.of(
            levels(l1, "10", l3, "30", l5, "50", l6, "60"),
            Annotated.class,
            "both",
            10,
            "config key " + l1),
        Arguments.of(
            levels(l3, "30", l5, "50", l6, "60"),
            Annotated.class,
            "both",
            20,
            "@CorsAllowed(maxAge) on " + A + "#both"),
        Arguments.of(
            levels(l3, "30", l5, "50", l6, "60"),
            Annotated.class,
            "classOnly",
            30,
            "config key " + l3),
        Arguments.of(
            levels(l5, "50", l6, "60"),
            Annotated.class,
            "classOnly",
            40,
            "@CorsAllowed(maxAge) on " + A),
        Arguments.of(
            levels(l5, "50", l6, "60", "cors.policy.other.max-age", "55"),
            Plain.class,
            "named",
            55,
            "cors.policy.other.max-age"),
        Arguments.of(
            levels(l5, "50", l6, "60", "cors.policy.named.paths", "/plain/*"),
            Plain.class,
            "plain",
            50,
            l5),
        Arguments.of(levels(l5, "50", l6, "60"), Plain.class, "plain", 60, l6),
        Arguments.of(levels(l5, "50"), Plain.class, "plain", 1800, "built-in default"),
        Arguments.of(
            levels(P + "/plain/CorsAllowed/maxAge", "7"),
            Plain.class,
            "plain",
            7,
            "config key " + P + "/plain/CorsAllowed/maxAge"));
  }

  @ParameterizedTest
  @MethodSource("precedence")
  void firstLevelThatSetsAnAttributeWins(
      Map<String, String> config, Class<?> type, String method, long maxAge, String source) {
    CorsPolicy policy = resolve(config, type, method, "plain/x");
    assertThat(policy.maxAge()).isEqualTo(maxAge);
    assertThat(policy.sourceOf(Attribute.MAX_AGE)).isEqualTo(source);
  }

  @Test
  void precedenceIsAttributeByAttribute() {
    CorsPolicy policy =
        resolve(
            levels(
                "cors.allowed-origins", "https://global.example",
                "cors.allow-credentials", "true",
                "cors.policy.named.exposed-headers", "X-Named"),
            Annotated.class,
            "both",
            "t");
    assertThat(policy.maxAge()).isEqualTo(20);
    assertThat(policy.origins().items()).containsExactly("https://global.example");
    assertThat(policy.allowCredentials()).isTrue();
    assertThat(policy.sourceOf(Attribute.EXPOSED_HEADERS))
        .isEqualTo("cors.policy.named.exposed-headers");
    assertThat(policy.sourceOf(Attribute.METHODS)).isEqualTo("methods implemented by /t");
  }

  @Test
  void expressionsAreExpandedAndListsSplit() {
    CorsPolicy policy =
        resolve(
            levels("origins.a", "https://a.example, https://b.example", "creds", "TRUE"),
            Expressions.class,
            "get",
            "t");
    assertThat(policy.origins().items())
        .containsExactly("https://a.example", "https://b.example", "https://c.example");
    assertThat(policy.methods()).containsExactly("GET", "PUT", "HEAD");
    assertThat(policy.allowCredentials()).isTrue();
    assertThat(
            policy.actual(CorsRequest.actual(List.of("https://b.example"), null, null)).headers())
        .containsEntry("Access-Control-Expose-Headers", "X-Total");
  }

  @Test
  void corsDisabledWinsOverEverything() {
    Map<String, String> config =
        levels("cors.allowed-origins", "*", "creds", "false", "origins.a", "https://a.example");
    assertThat(resolve(config, Expressions.class, "off", "t").isDisabled()).isTrue();
    assertThat(resolve(config, Off.class, "get", "t").isDisabled()).isTrue();
    assertThat(resolve(config, Expressions.class, "get", "t").isDisabled()).isFalse();
  }

  @Test
  void namedPoliciesByPathMostSpecificFirstAndUnknownMethodsDefault() {
    PolicyResolver resolver =
        resolver(
            levels(
                "cors.allowed-origins", "https://global.example",
                "cors.policy.wide.paths", "/api/*",
                "cors.policy.wide.allowed-origins", "https://wide.example",
                "cors.policy.narrow.paths", "/api/admin/*, /exact",
                "cors.policy.narrow.allowed-origins", "https://narrow.example",
                "cors.policy.all.paths", "/*",
                "cors.policy.all.max-age", "9"));
    assertThat(resolver.forPath("api/x").origins().items()).containsExactly("https://wide.example");
    assertThat(resolver.forPath("api").origins().items()).containsExactly("https://wide.example");
    assertThat(resolver.forPath("api/admin/1").origins().items())
        .containsExactly("https://narrow.example");
    assertThat(resolver.forPath("exact").origins().items())
        .containsExactly("https://narrow.example");
    assertThat(resolver.forPath("exact/more").origins().items())
        .containsExactly("https://global.example");
    assertThat(resolver.forPath("apix").maxAge()).isEqualTo(9);
    assertThat(resolver.forPath("apix").origins().items())
        .containsExactly("https://global.example");
    assertThat(resolver.forPath("api/x").methods()).containsExactly("GET", "HEAD", "POST");
  }

  @Test
  void pathsOfResourcesAreMatchedAgainstTheTemplateAsWritten() {
    Map<String, String> config =
        levels(
            "cors.policy.one.paths", "/plain/42",
            "cors.policy.one.max-age", "1",
            "cors.policy.below.paths", "/plain/*",
            "cors.policy.below.max-age", "2");
    assertThat(resolve(config, Plain.class, "plain", "plain/42").maxAge()).isEqualTo(1);
    assertThat(resolve(config, Plain.class, "plain", "plain/{id}").maxAge()).isEqualTo(2);
    assertThat(resolve(config, Plain.class, "plain", "other/{id}").maxAge()).isEqualTo(1800);
  }

  @Test
  void disabledModule() {
    assertThat(resolver(levels("cors.enabled", "FALSE")).enabled()).isFalse();
    assertThat(resolver(levels()).enabled()).isTrue();
    assertThatThrownBy(() -> resolver(levels("cors.enabled", "no")))
        .hasMessageContaining("'no'")
        .hasMessageContaining("cors.enabled");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(levels("cors.allowed-origins", "https://a.example/"), null),
        Arguments.of(
            levels("cors.allowed-origins", "https://a.example/x"),
            "'https://a.example/x' in cors.allowed-origins"),
        Arguments.of(
            levels("cors.policy.p.allowed-origins", "*", "cors.allow-credentials", "true"),
            "cors.policy.p.allowed-origins"),
        Arguments.of(levels("cors.policy.p.max-age", "-5"), "'-5' in cors.policy.p.max-age"),
        Arguments.of(levels("cors.policy.p.bogus", "1"), "'cors.policy.p.bogus'"),
        Arguments.of(levels("cors.policy.nodot", "1"), "'cors.policy.nodot'"),
        Arguments.of(levels("cors.policy.p.paths", "/a?b"), "'/a?b' in cors.policy.p.paths"),
        Arguments.of(levels("cors.exposed-headers", "X-A, X B"), "'X B' in cors.exposed-headers"),
        Arguments.of(
            levels("cors.reject-disallowed", "maybe"),
            "'maybe' in cors.reject-disallowed: expected true, false or report"),
        Arguments.of(
            levels("cors.allowed-hosts", "api.example.com, https://api.example.com"),
            "'https://api.example.com' in cors.allowed-hosts"));
  }

  @Test
  void reportModeIsSetGloballyOrPerNamedPolicyInAnyCase() {
    PolicyResolver resolver =
        resolver(
            levels(
                "cors.reject-disallowed", "Report",
                "cors.policy.p.paths", "/p/*",
                "cors.policy.p.reject-disallowed", "true",
                "cors.policy.q.paths", "/q/*",
                "cors.policy.q.reject-disallowed", "REPORT"));
    assertThat(resolver.forPath("x").reportDisallowed()).isTrue();
    assertThat(resolver.forPath("x").rejectDisallowed()).isFalse();
    assertThat(resolver.forPath("p/1").reportDisallowed()).isFalse();
    assertThat(resolver.forPath("p/1").rejectDisallowed()).isTrue();
    assertThat(resolver.forPath("q/1").reportDisallowed()).isTrue();
    assertThat(resolver.forPath("q/1").sourceOf(CorsPolicy.Attribute.REJECT_DISALLOWED))
        .isEqualTo("cors.policy.q.reject-disallowed");
    assertThat(resolver(levels()).forPath("x").reportDisallowed()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidConfigurationFailsNamingValueAndKey(Map<String, String> config, String message) {
    if (message == null) {
      assertThat(resolver(config).forPath("x").origins().items())
          .containsExactly("https://a.example/");
    } else {
      assertThatThrownBy(() -> resolver(config))
          .isInstanceOf(InvalidCorsConfigurationException.class)
          .hasMessageContaining(message);
    }
  }

  @Test
  void annotationValuesFailNamingTheAnnotation() {
    assertThatThrownBy(() -> resolve(levels("creds", "true"), Expressions.class, "get", "t"))
        .hasMessageContaining("${origins.a}")
        .hasMessageContaining(
            "@CorsAllowed(origins) on dev.corsjaxrs.config.PolicyResolverTest$Expressions");
    assertThatThrownBy(
            () ->
                resolve(
                    levels("origins.a", "https://a.example", "creds", "sometimes"),
                    Expressions.class,
                    "get",
                    "t"))
        .hasMessageContaining("'sometimes'")
        .hasMessageContaining("@CorsAllowed(allowCredentials)");
    assertThatThrownBy(() -> resolve(levels(), Annotated.class, "both", "t"))
        .hasMessageContaining("Unknown CORS policy 'named'")
        .hasMessageContaining("@CorsAllowed(policy) on " + A);
  }

  @Test
  void listsDropBlanksAndKeepEscapedCommas() {
    assertThat(PolicyKey.splitList(" a , ,b,, c\\,d ")).containsExactly("a", "b", "c,d");
    assertThat(PolicyKey.splitList("")).isEmpty();
  }

  @Test
  void pathsAreNormalised() {
    assertThat(ConfigReader.normalisePath("/public/*", "k")).isEqualTo("public/*");
    assertThat(ConfigReader.normalisePath("/items/", "k")).isEqualTo("items");
    assertThat(ConfigReader.normalisePath("/*", "k")).isEqualTo("*");
  }
}
