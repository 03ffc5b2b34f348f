package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deployment's policies: equal ones are one object, and what they hold is shared. */
class PolicyCatalogTest {

  static final String OWN = "https://api.example.com";

  static List<String> origins(int count) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add("https://tenant" + i + ".example.com");
    }
    return items;
  }

  @Test
  void equalPoliciesAreOneObjectAndAnOriginListIsCompiledOnce() {
    PolicyCatalog catalog = new PolicyCatalog();
    List<String> items = origins(1000);
    CorsPolicy first =
        catalog
            .builder()
            .origins(items, "cors.allowed-origins")
            .methods(List.of("GET"), "m")
            .build();
    CorsPolicy second =
        catalog
            .builder()
            .origins(new ArrayList<>(items), "cors.allowed-origins")
            .methods(List.of("GET"), "m")
            .build();
    assertThat(second).isSameAs(first);
    CorsPolicy otherMethods =
        catalog
            .builder()
            .origins(items, "cors.allowed-origins")
            .methods(List.of("PUT"), "m")
            .build();
    assertThat(otherMethods).isNotSameAs(first);
    assertThat(otherMethods.origins()).isSameAs(first.origins());
    CorsPolicy otherSource =
        catalog.builder().origins(items, "@CorsAllowed on X").methods(List.of("GET"), "m").build();
    assertThat(otherSource).as("its refusals name another source").isNotSameAs(first);
    assertThat(otherSource.origins()).isSameAs(first.origins());
    assertThat(catalog.size()).isEqualTo(3);
  }

  @Test
  void policiesThatAnswerActualRequestsAlikeShareTheirAnswers() {
    PolicyCatalog catalog = new PolicyCatalog();
    List<String> items = List.of("https://a.example", "https://*.b.example");
    CorsPolicy get = catalog.builder().origins(items, "o").methods(List.of("GET"), "m").build();
    CorsPolicy put = catalog.builder().origins(items, "o").methods(List.of("PUT"), "m").build();
    for (String origin : List.of("https://a.example", "https://x.b.example")) {
      CorsRequest request = CorsRequest.actual(List.of(origin), null, OWN);
      assertThat(put.actual(request)).isSameAs(get.actual(request));
    }
    CorsPolicy credentials =
        catalog.builder().origins(items, "o").allowCredentials(true, "c").build();
    CorsRequest request = CorsRequest.actual(List.of("https://a.example"), null, OWN);
    assertThat(credentials.actual(request).headers())
        .containsEntry("Access-Control-Allow-Credentials", "true");
    assertThat(get.actual(request).headers()).doesNotContainKey("Access-Control-Allow-Credentials");
  }

  @Test
  void aNarrowedPolicyIsInternedToo() {
    PolicyCatalog catalog = new PolicyCatalog();
    CorsPolicy all =
        catalog
            .builder()
            .origins(List.of("https://a.example"), "o")
            .methods(List.of("GET", "PUT"), "m")
            .build();
    assertThat(catalog.withMethodsWithin(all, List.of("PUT")))
        .isSameAs(catalog.withMethodsWithin(all, List.of("PUT")));
    assertThat(catalog.withMethodsWithin(all, List.of("GET", "HEAD", "PUT"))).isSameAs(all);
  }

  @Test
  void aPreflightKeyIsEqualOnlyToTheSameValuesOfTheSamePolicy() {
    PolicyCatalog catalog = new PolicyCatalog();
    CorsPolicy one = catalog.builder().origins(List.of("https://a.example"), "o").build();
    CorsPolicy other = catalog.builder().origins(List.of("https://b.example"), "o").build();
    PolicyCatalog.PreflightKey key =
        new PolicyCatalog.PreflightKey(one, "https://a.example", "PUT", "x-a", false);
    assertThat(key)
        .isEqualTo(new PolicyCatalog.PreflightKey(one, "https://a.example", "PUT", "x-a", false))
        .hasSameHashCodeAs(
            new PolicyCatalog.PreflightKey(one, "https://a.example", "PUT", "x-a", false))
        .isNotEqualTo(
            new PolicyCatalog.PreflightKey(other, "https://a.example", "PUT", "x-a", false))
        .isNotEqualTo(new PolicyCatalog.PreflightKey(one, "https://b.example", "PUT", "x-a", false))
        .isNotEqualTo(new PolicyCatalog.PreflightKey(one, "https://a.example", "GET", "x-a", false))
        .isNotEqualTo(new PolicyCatalog.PreflightKey(one, "https://a.example", "PUT", "x-b", false))
        .isNotEqualTo(new PolicyCatalog.PreflightKey(one, "https://a.example", "PUT", "x-a", true))
        .isNotEqualTo(new PolicyCatalog.PreflightKey(one, null, "PUT", "x-a", false))
        .isNotEqualTo("a string");
    assertThat(new PolicyCatalog.PreflightKey(one, null, null, null, false))
        .isEqualTo(new PolicyCatalog.PreflightKey(one, null, null, null, false));
  }
}
