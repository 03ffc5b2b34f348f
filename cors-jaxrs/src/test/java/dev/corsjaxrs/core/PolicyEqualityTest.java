package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsOriginCheck;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When two policies are one (equal rules from equal sources), have the same rules, or answer actual
 * requests alike: every attribute counts where it should, one at a time.
 */
class PolicyEqualityTest {

  static final CorsOriginCheck CHECK = origin -> false;

  static PolicyBuilder base(PolicyCatalog catalog) {
    return catalog
        .builder()
        .origins(List.of("https://a.example"), "o")
        .methods(List.of("GET", "PUT"), "m")
        .allowedHeaders(List.of("X-A"), "h")
        .exposedHeaders(List.of("X-E"), "e")
        .maxAge(60, "a");
  }

  /** A change of one attribute, and whether actual requests are still answered alike. */
  static Stream<Arguments> changes() {
    Map<String, UnaryOperator<PolicyBuilder>> preflightOnly =
        Map.of(
            "methods", b -> b.methods(List.of("GET"), "m"),
            "any method", b -> b.methods(List.of("*"), "m"),
            "headers", b -> b.allowedHeaders(List.of("X-B"), "h"),
            "header spelling", b -> b.allowedHeaders(List.of("x-a"), "h"),
            "any header", b -> b.allowedHeaders(List.of("*", "X-A"), "h"),
            "max-age", b -> b.maxAge(61, "a"),
            "private network", b -> b.allowPrivateNetwork(true, "p"));
    Map<String, UnaryOperator<PolicyBuilder>> actualToo =
        Map.of(
            "origins", b -> b.origins(List.of("https://b.example"), "o"),
            "credentials", b -> b.allowCredentials(true, "c"),
            "exposed", b -> b.exposedHeaders(List.of("X-F"), "e"),
            "expose all", b -> b.exposedHeaders(List.of("*"), "e"),
            "strict", b -> b.rejectDisallowed(true, "r"),
            "report", b -> b.reportDisallowed("r"),
            "check", b -> b.originCheck(CHECK, "Check", "k"),
            "disabled", b -> b.disabled("o"));
    return Stream.concat(
        preflightOnly.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue(), true)),
        actualToo.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue(), false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void oneChangedAttributeMakesAnotherPolicy(
      String name, UnaryOperator<PolicyBuilder> change, boolean actualAlike) {
    PolicyCatalog catalog = new PolicyCatalog();
    CorsPolicy policy = base(catalog).build();
    CorsPolicy changed = change.apply(base(catalog)).build();
    assertThat(changed).isNotEqualTo(policy).isNotSameAs(policy);
    assertThat(changed.hasSameRulesAs(policy)).isFalse();
    assertThat(policy.hasSameRulesAs(changed)).isFalse();
    assertThat(changed.answersActualRequestsLike(policy)).isEqualTo(actualAlike);
    assertThat(change.apply(base(catalog)).build()).isSameAs(changed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void theSameRulesFromAnotherSourceAreNotThePolicyButRuleAlike(
      String name, UnaryOperator<PolicyBuilder> change, boolean actualAlike) {
    PolicyCatalog catalog = new PolicyCatalog();
    CorsPolicy changed = change.apply(base(catalog)).build();
    CorsPolicy elsewhere =
        change.apply(base(catalog)).origins(changed.origins().items(), "elsewhere").build();
    if (!changed.isDisabled()) {
      assertThat(elsewhere).isNotEqualTo(changed);
      assertThat(elsewhere.hasSameRulesAs(changed)).isTrue();
      assertThat(elsewhere.answersActualRequestsLike(changed)).isTrue();
      assertThat(elsewhere.sourceOf(CorsPolicy.Attribute.ORIGINS)).isEqualTo("elsewhere");
    }
    CorsPolicy again = change.apply(base(new PolicyCatalog())).build();
    assertThat(again).isNotSameAs(changed);
    assertThat(again.equals(changed)).as("a list compiled by another catalog").isFalse();
    assertThat(again.hasSameRulesAs(changed)).isTrue();
    assertThat(changed.equals(changed)).isTrue();
    assertThat(changed.equals("a policy")).isFalse();
  }
}
