package dev.corsjaxrs.config;

import static dev.corsjaxrs.config.PolicyResolverTest.method;
import static dev.corsjaxrs.config.PolicyResolverTest.resolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsOriginCheck;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.CorsDecision;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where an origin check is set, with the usual precedence, and what a bad one says. */
class OriginCheckConfigTest {

  /** Allows origins under a.example. */
  public static class A implements CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      return origin.endsWith(".a.example");
    }
  }

  /** Allows origins under b.example. */
  public static class B implements CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      return origin.endsWith(".b.example");
    }
  }

  @CorsAllowed(originCheck = A.class)
  static class Annotated {
    public void inherits() {}

    @CorsAllowed(originCheck = B.class)
    public void own() {}
  }

  static class Plain {
    public void get() {}
  }

  static final String ANNOTATED = Annotated.class.getName();

  static boolean allows(CorsPolicy policy, String origin) {
    CorsDecision decision =
        policy.actual(CorsRequest.actual(List.of(origin), null, "https://api.example"));
    return decision.isAllowed();
  }

  @Test
  void theUsualPrecedenceDecidesWhichCheckAsks() {
    PolicyResolver resolver =
        resolver(
            Map.of(
                "cors.origin-check",
                B.class.getName(),
                "cors.policy.named.paths",
                "/named/*",
                "cors.policy.named.origin-check",
                A.class.getName(),
                ANNOTATED + "/own/CorsAllowed/originCheck",
                A.class.getName()));
    CorsPolicy global = resolver.forResource(Plain.class, method(Plain.class, "get"), "x", null);
    assertThat(allows(global, "https://x.b.example")).isTrue();
    assertThat(allows(global, "https://x.a.example")).isFalse();
    CorsPolicy named =
        resolver.forResource(Plain.class, method(Plain.class, "get"), "named/1", null);
    assertThat(allows(named, "https://x.a.example")).isTrue();
    assertThat(allows(named, "https://x.b.example")).isFalse();
    assertThat(resolver.forPath("named/2").toString()).contains("+ check " + A.class.getName());
    CorsPolicy classCheck =
        resolver.forResource(Annotated.class, method(Annotated.class, "inherits"), "x", null);
    assertThat(allows(classCheck, "https://x.a.example")).isTrue();
    CorsPolicy overridden =
        resolver.forResource(Annotated.class, method(Annotated.class, "own"), "x", null);
    assertThat(allows(overridden, "https://x.a.example")).as("method override").isTrue();
    assertThat(allows(overridden, "https://x.b.example")).isFalse();
    assertThat(overridden.sourceOf(CorsPolicy.Attribute.ORIGIN_CHECK))
        .isEqualTo("config key " + ANNOTATED + "/own/CorsAllowed/originCheck");
  }

  @Test
  void oneInstancePerClassForTheDeployment() {
    PolicyResolver resolver =
        resolver(
            Map.of(
                "cors.origin-check", A.class.getName(),
                "cors.policy.p.paths", "/p/*",
                "cors.policy.p.max-age", "5"));
    CorsPolicy first = resolver.forPath("x");
    CorsPolicy second = resolver.forPath("p/1");
    assertThat(first).isNotSameAs(second);
    assertThat(first.toString()).contains("+ check " + A.class.getName() + " (");
    assertThat(allows(second, "https://y.a.example")).isTrue();
  }

  @Test
  void badCacheSecondsAndBadClassesNameTheirKey() {
    assertThatThrownBy(() -> resolver(Map.of("cors.origin-check.cache-seconds", "soon")))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageContaining("'soon'")
        .hasMessageContaining("cors.origin-check.cache-seconds");
    assertThatThrownBy(
            () -> resolver(Map.of("cors.policy.p.origin-check", "java.lang.String")).forPath("x"))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageContaining("'java.lang.String'")
        .hasMessageContaining("cors.policy.p.origin-check")
        .hasMessageContaining("does not implement dev.corsjaxrs.CorsOriginCheck");
  }
}
