package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which named policy covers a request path, the path decoded and a trailing slash ignored, and
 * which named policies a resource may meet.
 */
class NamedPoliciesTest {

  static NamedPolicy policy(String name, String... paths) {
    return new NamedPolicy(name, PolicyLevel.EMPTY, List.of(paths));
  }

  static final NamedPolicies INDEX =
      new NamedPolicies(
          List.of(
              policy("all", "*"),
              policy("below-a", "a/*"),
              policy("exact-ab", "a/b"),
              policy("users", "users/*"),
              policy("me", "users/me")));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "x, all",
    "a, below-a",
    "a/, below-a",
    "a/c, below-a",
    "a/b, exact-ab",
    "a/b/, exact-ab",
    "a/%62, exact-ab",
    "a/b/c, below-a",
    "users/me, me",
    "users/m%65, me",
    "users/me/x, users",
    "users%2Fme, me",
    "'', all",
    "/, all",
  })
  void theMostSpecificCoveringPolicy(String path, String name) {
    assertThat(INDEX.covering(path).name()).isEqualTo(name);
  }

  @Test
  void withoutPathsNothingCovers() {
    NamedPolicies none = new NamedPolicies(List.of(policy("p")));
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.covering("a/b")).isNull();
    NamedPolicies exactOnly = new NamedPolicies(List.of(policy("p", "a/b")));
    assertThat(exactOnly.isEmpty()).isFalse();
    assertThat(exactOnly.covering("a/b").name()).isEqualTo("p");
    assertThat(exactOnly.covering("a")).isNull();
    assertThat(exactOnly.covering("a/b/c")).isNull();
    NamedPolicies belowOnly = new NamedPolicies(List.of(policy("p", "a/*")));
    assertThat(belowOnly.isEmpty()).isFalse();
    assertThat(belowOnly.covering("b")).isNull();
    assertThat(new NamedPolicies(List.of(policy("p", "*"))).isEmpty()).isFalse();
  }

  @Test
  void theFirstPolicyByNameWinsATie() {
    NamedPolicies tie =
        new NamedPolicies(List.of(policy("a", "x", "y/*", "*"), policy("b", "x", "y/*", "*")));
    assertThat(tie.covering("x").name()).isEqualTo("a");
    assertThat(tie.covering("y/z").name()).isEqualTo("a");
    assertThat(tie.covering("q").name()).isEqualTo("a");
  }

  @Test
  void candidatesAreThePoliciesWithAnItemTheResourceMayServe() {
    assertThat(INDEX.candidates(item -> item.startsWith("users")))
        .extracting(NamedPolicy::name)
        .containsExactly("users", "me");
    assertThat(INDEX.candidates(item -> false)).isEmpty();
  }
}
