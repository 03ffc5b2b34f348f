package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.PolicyCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A resource's policies by the named policy covering the request path: one where none can, else one
 * per named policy that may, chosen per request by {@link PolicyResolver#choose}.
 */
class ResourcePolicyTest {

  static final PolicyCatalog CATALOG = new PolicyCatalog();
  static final CorsPolicy GLOBAL =
      CATALOG.builder().origins(List.of("https://a.example"), "global").build();
  static final CorsPolicy ME =
      CATALOG.builder().origins(List.of("https://me.example"), "cors.policy.me").build();

  @Test
  void aPolicyNoPathChangesIsSingle() {
    ResourcePolicy single = ResourcePolicy.of(GLOBAL);
    assertThat(single.single()).isSameAs(GLOBAL);
    assertThat(single.where(null)).isSameAs(GLOBAL);
    assertThat(single.where("me")).as("any covering policy: the same").isSameAs(GLOBAL);
    assertThat(single.all()).containsExactly(GLOBAL);
    assertThat(single.namedPolicies()).isEmpty();
    assertThat(single.toString()).isEqualTo(GLOBAL.toString());
  }

  @Test
  void namedPoliciesThatChangeNothingLeaveItSingle() {
    assertThat(ResourcePolicy.of(GLOBAL, Map.of("me", GLOBAL)).single()).isSameAs(GLOBAL);
  }

  @Test
  void aNamedPolicyThatChangesItIsChosenByName() {
    Map<String, CorsPolicy> byName = new LinkedHashMap<>();
    byName.put("me", ME);
    ResourcePolicy policy = ResourcePolicy.of(GLOBAL, byName);
    byName.clear(); // a copy is kept
    assertThat(policy.single()).isNull();
    assertThat(policy.where(null)).isSameAs(GLOBAL);
    assertThat(policy.where("me")).isSameAs(ME);
    assertThat(policy.where("other")).as("not expected here: the resolver fails closed").isNull();
    assertThat(policy.all()).containsExactly(GLOBAL, ME);
    assertThat(policy.namedPolicies()).containsExactly("me");
    assertThat(policy.toString()).endsWith("(1 more by cors.policy.<name>.paths)");
  }

  @Test
  void equalPoliciesAreEqualValues() {
    ResourcePolicy one = ResourcePolicy.of(GLOBAL, Map.of("me", ME));
    ResourcePolicy two = ResourcePolicy.of(GLOBAL, Map.of("me", ME));
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(ResourcePolicy.of(GLOBAL));
    assertThat(one).isNotEqualTo(ResourcePolicy.of(ME, Map.of("me", GLOBAL)));
    assertThat(one).isNotEqualTo("a string");
    assertThat(ResourcePolicy.of(GLOBAL)).isEqualTo(ResourcePolicy.of(GLOBAL));
  }

  @Test
  void mapChangesEveryPolicy() {
    ResourcePolicy policy = ResourcePolicy.of(GLOBAL, Map.of("me", ME));
    ResourcePolicy swapped = policy.map(p -> p == GLOBAL ? ME : GLOBAL);
    assertThat(swapped.where(null)).isSameAs(ME);
    assertThat(swapped.where("me")).isSameAs(GLOBAL);
  }

  @Test
  void theResolverChoosesByTheDecodedRequestPathAndFailsClosedOutsideTheTemplate() {
    PolicyResolver resolver =
        PolicyResolverTest.resolver(
            Map.of(
                "cors.allowed-origins", "https://a.example",
                "cors.policy.me.paths", "/users/me",
                "cors.policy.me.allowed-origins", "https://me.example",
                "cors.policy.far.paths", "/far/*",
                "cors.policy.far.allowed-origins", "https://far.example"));
    ResourcePolicy users =
        resolver.forResource(
            List.of(
                new ResourceHop(
                    PolicyResolverTest.Plain.class,
                    PolicyResolverTest.method(PolicyResolverTest.Plain.class, "plain"))),
            "users/{id}",
            List.of("GET"),
            item -> item.equals("users/me"));
    assertThat(users.namedPolicies()).containsExactly("me");
    assertThat(resolver.choose(users, "users/42").origins().items())
        .containsExactly("https://a.example");
    assertThat(resolver.choose(users, "users/m%65").origins().items())
        .containsExactly("https://me.example");
    assertThat(resolver.choose(users, "users/me/").telemetryName()).isEqualTo("me");
    CorsPolicy outside = resolver.choose(users, "far/x");
    assertThat(outside.telemetryName()).as("fails closed").isEqualTo("disabled");
  }

  @Test
  void aMethodAtALiteralPathTakesTheNamedPolicyItsPathMeets() {
    PolicyResolver resolver =
        PolicyResolverTest.resolver(
            Map.of(
                "cors.policy.all.paths", "*",
                "cors.policy.below.paths", "a/*",
                "cors.policy.exact.paths", "a/b"));
    java.lang.reflect.Method plain =
        PolicyResolverTest.method(PolicyResolverTest.Plain.class, "plain");
    for (String[] row :
        new String[][] {
          {"a/b", "exact"}, {"a/c", "below"}, {"a", "below"}, {"ab", "all"}, {"x/y", "all"}
        }) {
      assertThat(
              resolver
                  .forResource(PolicyResolverTest.Plain.class, plain, row[0], List.of("GET"))
                  .telemetryName())
          .as(row[0])
          .isEqualTo(row[1]);
    }
  }
}
