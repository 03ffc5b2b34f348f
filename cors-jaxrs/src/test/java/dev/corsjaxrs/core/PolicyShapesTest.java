package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the route table builds on: narrowing a policy's methods to those that share it, comparing
 * rules without sources, and {@code @CorsDisabled} under strict mode.
 */
class PolicyShapesTest {

  static final String APP = "https://app.example.com";
  static final String OWN = "https://api.example.com";

  static final PolicyCatalog CATALOG = new PolicyCatalog();

  static PolicyBuilder base(String source) {
    return CATALOG
        .builder()
        .origins(List.of(APP), source)
        .methods(List.of("GET", "POST", "PUT", "DELETE"), source);
  }

  @Test
  void narrowingKeepsOnlyTheSharedMethodsInTheirOrder() {
    CorsPolicy policy = CATALOG.withMethodsWithin(base("a").build(), List.of("PUT", "GET", "HEAD"));
    assertThat(policy.methods()).containsExactly("GET", "PUT", "HEAD");
    CorsDecision answer =
        policy.preflight(new CorsRequest(List.of(APP), "PUT", null, null, null, OWN));
    assertThat(answer.headers()).containsEntry("Access-Control-Allow-Methods", "GET, PUT, HEAD");
    assertThat(
            policy
                .preflight(new CorsRequest(List.of(APP), "DELETE", null, null, null, OWN))
                .refusal())
        .isEqualTo(Refusal.METHOD_NOT_ALLOWED);
  }

  @Test
  void narrowingToEveryMethodReturnsTheSamePolicy() {
    CorsPolicy policy = base("a").build();
    assertThat(CATALOG.withMethodsWithin(policy, List.of("GET", "HEAD", "POST", "PUT", "DELETE")))
        .isSameAs(policy);
  }

  @Test
  void rulesCompareWithoutSources() {
    assertThat(base("a").build().hasSameRulesAs(base("b").build())).isTrue();
    assertThat(base("a").build().hasSameRulesAs(base("a").maxAge(5, "a").build())).isFalse();
    assertThat(
            base("a").build().hasSameRulesAs(base("a").allowedHeaders(List.of("X-A"), "a").build()))
        .isFalse();
    assertThat(base("a").build().hasSameRulesAs(base("a").allowPrivateNetwork(true, "a").build()))
        .isFalse();
    assertThat(base("a").build().hasSameRulesAs(base("a").methods(List.of("GET"), "a").build()))
        .isFalse();
  }

  @Test
  void strictDisabledRefusesCrossOriginAndLetsSameOriginPass() {
    CorsPolicy strict =
        new PolicyCatalog()
            .builder()
            .disabled("@CorsDisabled on X")
            .rejectDisallowed(true, "cors.reject")
            .build();
    CorsDecision cross = strict.actual(CorsRequest.actual(List.of(APP), null, OWN));
    assertThat(cross.refusal()).isEqualTo(Refusal.CORS_DISABLED);
    assertThat(cross.headers()).isEmpty();
    assertThat(cross.vary()).isEqualTo("Origin");
    assertThat(strict.actual(CorsRequest.actual(List.of("https://x/y"), null, OWN)).refusal())
        .isEqualTo(Refusal.ORIGIN_INVALID);
    assertThat(strict.actual(CorsRequest.actual(List.of(OWN), null, OWN)).outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
    // the browser's same-origin label: the own host under another port passes, another host not
    assertThat(
            strict
                .actual(
                    CorsRequest.actual(List.of("http://api.example.com:8080"), "same-origin", OWN))
                .outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
    assertThat(strict.actual(CorsRequest.actual(List.of(APP), "same-origin", OWN)).outcome())
        .isEqualTo(CorsDecision.Outcome.REFUSED);
    assertThat(strict.actual(CorsRequest.actual(List.of(), null, OWN)).outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);

    CorsPolicy lenient = new PolicyCatalog().builder().disabled("@CorsDisabled on X").build();
    CorsDecision notStrict = lenient.actual(CorsRequest.actual(List.of(APP), null, OWN));
    assertThat(notStrict.refusal()).isEqualTo(Refusal.CORS_DISABLED);
    assertThat(notStrict.headers()).isEmpty();
    assertThat(notStrict.vary()).isNull();
    assertThat(lenient.actual(CorsRequest.actual(List.of(OWN), null, OWN)).outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
  }
}
