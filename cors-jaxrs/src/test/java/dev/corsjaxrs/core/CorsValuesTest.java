package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small value types and accessors the HTTP glue relies on. */
class CorsValuesTest {

  @Test
  void originsAreEqualByTheirSerialization() {
    Origin a = Origin.parse("HTTPS://A.example:443").orElseThrow();
    Origin b = Origin.parse("https://a.example").orElseThrow();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo("https://a.example");
    assertThat(a).isNotEqualTo(Origin.parse("https://b.example").orElseThrow());
    assertThat(a.hashCode()).isEqualTo("https://a.example".hashCode());
    assertThat(Origin.NULL.isNull()).isTrue();
    assertThat(a.isNull()).isFalse();
    assertThat(Origin.NULL.host()).isEmpty();
  }

  @Test
  void requestsCopyTheirListsAndTurnNullsIntoEmptyLists() {
    CorsRequest request = new CorsRequest(null, "GET", null, null, null, null);
    assertThat(request.origins()).isEmpty();
    assertThat(request.requestHeaders()).isEmpty();
    List<String> lines = Arrays.asList("x-a");
    CorsRequest copy = new CorsRequest(lines, null, lines, null, null, null);
    lines.set(0, "changed");
    assertThat(copy.origins()).containsExactly("x-a");
    assertThat(copy.requestHeaders()).containsExactly("x-a");
  }

  @Test
  void accessorsReportThePolicy() {
    CorsPolicy policy =
        new PolicyCatalog()
            .builder()
            .origins(List.of("https://a.example"), "o")
            .methods(List.of("*"), "m")
            .rejectDisallowed(true, "r")
            .allowCredentials(true, "c")
            .build();
    assertThat(policy.allowsAnyMethod()).isTrue();
    assertThat(policy.methods()).isEmpty();
    assertThat(policy.rejectDisallowed()).isTrue();
    assertThat(policy.allowCredentials()).isTrue();
    assertThat(policy.actualVary()).isEqualTo("Origin");
    assertThat(policy.sourceOf(CorsPolicy.Attribute.REJECT_DISALLOWED)).isEqualTo("r");
    assertThat(policy.sourceOf(CorsPolicy.Attribute.MAX_AGE)).isEqualTo("built-in default");
    CorsPolicy plain = new PolicyCatalog().builder().build();
    assertThat(plain.allowsAnyMethod()).isFalse();
    assertThat(plain.rejectDisallowed()).isFalse();
    assertThat(plain.allowCredentials()).isFalse();
    assertThat(plain.actualVary()).isNull();
    assertThat(plain.isDisabled()).isFalse();
  }

  @Test
  void decisionsSayWhatTheyAre() {
    CorsPolicy policy =
        new PolicyCatalog().builder().origins(List.of("https://a.example"), "o").build();
    CorsDecision refused =
        policy.actual(CorsRequest.actual(List.of("https://b.example"), null, null));
    assertThat(refused.isRefused()).isTrue();
    assertThat(refused.isAllowed()).isFalse();
    CorsDecision allowed =
        policy.actual(CorsRequest.actual(List.of("https://a.example"), null, null));
    assertThat(allowed.isRefused()).isFalse();
    assertThat(allowed.isAllowed()).isTrue();
    assertThat(allowed.exposeAllResponseHeaders()).isFalse();
    CorsDecision none = policy.actual(CorsRequest.actual(List.of(), null, null));
    assertThat(none.isRefused()).isFalse();
    assertThat(none.isAllowed()).isFalse();
  }

  @Test
  void exposeAllWithCredentialsAsksTheGlueForTheResponsesHeaderNames() {
    CorsPolicy policy =
        new PolicyCatalog()
            .builder()
            .origins(List.of("https://a.example"), "o")
            .exposedHeaders(List.of("*", "X-A"), "e")
            .allowCredentials(true, "c")
            .build();
    CorsDecision decision =
        policy.actual(CorsRequest.actual(List.of("https://a.example"), null, null));
    assertThat(decision.exposeAllResponseHeaders()).isTrue();
    assertThat(decision.headers()).containsEntry(CorsHeaders.EXPOSE_HEADERS, "X-A");
    CorsPolicy star =
        new PolicyCatalog()
            .builder()
            .origins(List.of("https://a.example"), "o")
            .exposedHeaders(List.of("*"), "e")
            .build();
    CorsDecision plain = star.actual(CorsRequest.actual(List.of("https://a.example"), null, null));
    assertThat(plain.exposeAllResponseHeaders()).isFalse();
    assertThat(plain.headers()).containsEntry(CorsHeaders.EXPOSE_HEADERS, "*");
  }

  @Test
  void summariesAndExplanationsNameEveryPartAndSource() {
    CorsPolicy policy =
        new PolicyCatalog()
            .builder()
            .origins(List.of("https://a.example"), "cors.allowed-origins")
            .methods(List.of(), "m")
            .allowedHeaders(List.of(), "h")
            .maxAge(60, "cors.max-age")
            .build();
    assertThat(policy)
        .hasToString(
            "origins=[https://a.example] (cors.allowed-origins), methods=[] (m), headers=[] (h),"
                + " credentials=false (built-in default), max-age=60 (cors.max-age)");
    assertThat(new PolicyCatalog().builder().methods(List.of("*"), "m").build().toString())
        .contains("methods=* (m)", "headers=* (built-in default)", "origins=[] (built-in default)");
    assertThat(new PolicyCatalog().builder().disabled("@CorsDisabled on X").build())
        .hasToString("CORS disabled (@CorsDisabled on X)");
    CorsRequest put =
        new CorsRequest(List.of("https://a.example"), "PUT", List.of(), null, null, null);
    assertThat(policy.preflight(put).explanation())
        .isEqualTo("method PUT is not allowed: only none (from m)");
    CorsPolicy anyMethod =
        new PolicyCatalog()
            .builder()
            .origins(List.of("https://a.example"), "o")
            .methods(List.of("*"), "m")
            .allowedHeaders(List.of(), "h")
            .build();
    CorsRequest header =
        new CorsRequest(List.of("https://a.example"), "PUT", List.of("x-a"), null, null, null);
    assertThat(anyMethod.preflight(header).explanation())
        .isEqualTo("header x-a is not allowed: only none (from h)");
    assertThat(
            new PolicyCatalog()
                .builder()
                .build()
                .actual(CorsRequest.actual(List.of("https://a.example"), null, null))
                .explanation())
        .isEqualTo("origin https://a.example is not allowed: only none (from built-in default)");
    assertThat(
            policy
                .preflight(
                    new CorsRequest(
                        List.of("https://a.example"), null, List.of(), null, null, null))
                .refusal())
        .isEqualTo(Refusal.METHOD_INVALID);
  }

  @Test
  void matcherDescribesItself() {
    OriginMatcher matcher = OriginMatcher.compile(List.of("https://a.example", "null"), "o");
    assertThat(matcher).hasToString("[https://a.example, null]");
    assertThat(matcher.isEmpty()).isFalse();
    assertThat(OriginMatcher.compile(List.of("*"), "o").isEmpty()).isFalse();
    assertThat(OriginMatcher.compile(List.of("null"), "o").isEmpty()).isFalse();
    assertThat(OriginMatcher.compile(List.of("http://h:*"), "o").isEmpty()).isFalse();
    assertThat(OriginMatcher.compile(List.of("http://*.h"), "o").isEmpty()).isFalse();
    assertThat(OriginMatcher.compile(List.of("http://h"), "o").isEmpty()).isFalse();
    assertThat(
            Matching.match(
                OriginMatcher.compile(List.of(" https://a.example/ "), "o"), "https://a.example"))
        .isPresent();
  }

  @Test
  void explanationsShowAtMostFiveAllowedOrigins() {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.add("https://t" + i + ".example");
    }
    CorsPolicy policy = new PolicyCatalog().builder().origins(many, "cors.allowed-origins").build();
    CorsDecision refused =
        policy.actual(CorsRequest.actual(List.of("https://x.example"), null, null));
    assertThat(refused.explanation())
        .isEqualTo(
            "origin https://x.example is not allowed: only [https://t0.example, https://t1.example,"
                + " https://t2.example, https://t3.example, https://t4.example, ... 3 more] (from"
                + " cors.allowed-origins)");
    assertThat(refused).hasToString("REFUSED (ORIGIN_NOT_ALLOWED: " + refused.explanation() + ")");
  }

  @Test
  void policiesThatDifferOnlyForPreflightsAnswerActualRequestsAlike() {
    CorsPolicy base =
        new PolicyCatalog().builder().origins(List.of("https://a.example"), "o").build();
    CorsPolicy preflightOnly =
        new PolicyCatalog()
            .builder()
            .origins(List.of("https://a.example"), "elsewhere")
            .methods(List.of("PUT"), "m")
            .allowedHeaders(List.of("X-A"), "h")
            .maxAge(5, "x")
            .allowPrivateNetwork(true, "p")
            .build();
    assertThat(base.answersActualRequestsLike(preflightOnly)).isTrue();
    List<CorsPolicy> different =
        List.of(
            new PolicyCatalog().builder().origins(List.of("https://b.example"), "o").build(),
            new PolicyCatalog()
                .builder()
                .origins(List.of("https://a.example"), "o")
                .allowCredentials(true, "c")
                .build(),
            new PolicyCatalog()
                .builder()
                .origins(List.of("https://a.example"), "o")
                .exposedHeaders(List.of("X-A"), "e")
                .build(),
            new PolicyCatalog()
                .builder()
                .origins(List.of("https://a.example"), "o")
                .exposedHeaders(List.of("*"), "e")
                .build(),
            new PolicyCatalog()
                .builder()
                .origins(List.of("https://a.example"), "o")
                .rejectDisallowed(true, "r")
                .build(),
            new PolicyCatalog().builder().disabled("@CorsDisabled on X").build());
    for (CorsPolicy other : different) {
      assertThat(base.answersActualRequestsLike(other)).as("%s", other).isFalse();
    }
  }

  @Test
  void anAllowedOriginsAnswerIsComputedOnceAndReused() {
    CorsPolicy policy =
        new PolicyCatalog().builder().origins(List.of("https://a.example"), "o").build();
    CorsRequest request = CorsRequest.actual(List.of("https://a.example"), null, null);
    CorsDecision first = policy.actual(request);
    assertThat(policy.actual(request)).isSameAs(first);
    assertThat(
            policy
                .actual(
                    CorsRequest.actual(
                        List.of("https://a.example", "https://a.example"), null, null))
                .isRefused())
        .isTrue();
  }

  @Test
  void answersForPatternAndWildcardOriginsStayWithinTheCatalogsBound() {
    PolicyCatalog catalog = new PolicyCatalog(64, 60);
    CorsPolicy policy =
        catalog
            .builder()
            .origins(List.of("https://*.example", "https://listed.example"), "o")
            .build();
    CorsRequest hot = CorsRequest.actual(List.of("https://hot.example"), null, null);
    CorsDecision hotAnswer = policy.actual(hot);
    CorsRequest early = CorsRequest.actual(List.of("https://t0.example"), null, null);
    CorsDecision earlyAnswer = policy.actual(early);
    for (int i = 0; i < 1000; i++) {
      CorsRequest request = CorsRequest.actual(List.of("https://t" + i + ".example"), null, null);
      assertThat(policy.actual(request).headers())
          .containsExactlyEntriesOf(
              Map.of("Access-Control-Allow-Origin", "https://t" + i + ".example"));
      assertThat(policy.actual(hot)).as("read again and again: never evicted").isSameAs(hotAnswer);
      assertThat(catalog.cachedAnswers()).isLessThanOrEqualTo(64);
    }
    assertThat(policy.actual(early)).as("evicted, decided anew").isNotSameAs(earlyAnswer);
    CorsRequest listed = CorsRequest.actual(List.of("https://listed.example"), null, null);
    assertThat(policy.actual(listed))
        .as("listed origins are kept apart")
        .isSameAs(policy.actual(listed));
  }

  @Test
  void otherSpellingsOfAnOriginShareItsAnswer() {
    CorsPolicy policy =
        new PolicyCatalog()
            .builder()
            .origins(List.of("https://*.example", "https://listed.example"), "o")
            .build();
    CorsDecision listed =
        policy.actual(CorsRequest.actual(List.of("https://listed.example"), null, null));
    assertThat(policy.actual(CorsRequest.actual(List.of("HTTPS://Listed.Example:443"), null, null)))
        .isSameAs(listed);
    CorsDecision pattern =
        policy.actual(CorsRequest.actual(List.of("https://a.example"), null, null));
    assertThat(policy.actual(CorsRequest.actual(List.of("https://A.example"), null, null)))
        .isSameAs(pattern);
  }

  @Test
  void exposingEverythingWithCredentialsDiffersFromExposingNothing() {
    CorsPolicy all =
        new PolicyCatalog()
            .builder()
            .allowCredentials(true, "c")
            .exposedHeaders(List.of("*"), "e")
            .build();
    CorsPolicy none = new PolicyCatalog().builder().allowCredentials(true, "c").build();
    assertThat(all.answersActualRequestsLike(none)).isFalse();
  }

  @Test
  void disabledDiffersFromAnEmptyAllowList() {
    assertThat(
            new PolicyCatalog()
                .builder()
                .build()
                .answersActualRequestsLike(new PolicyCatalog().builder().disabled("d").build()))
        .isFalse();
    assertThat(
            new PolicyCatalog()
                .builder()
                .build()
                .answersActualRequestsLike(new PolicyCatalog().builder().build()))
        .isTrue();
  }

  @Test
  void explanationsListUpToFiveOriginsInFull() {
    List<String> five =
        List.of("https://a.x", "https://b.x", "https://c.x", "https://d.x", "https://e.x");
    CorsPolicy policy = new PolicyCatalog().builder().origins(five, "o").build();
    assertThat(policy.actual(CorsRequest.actual(List.of("https://z.x"), null, null)).explanation())
        .contains(five.toString())
        .doesNotContain("more");
  }

  @Test
  void anAllowedPreflightsAnswerIsReusedAndRefusalsAreNot() {
    CorsPolicy policy =
        new PolicyCatalog().builder().origins(List.of("https://a.example"), "o").build();
    CorsRequest request =
        new CorsRequest(List.of("https://a.example"), "POST", List.of("x-a"), null, null, null);
    CorsDecision first = policy.preflight(request);
    assertThat(first.isAllowed()).isTrue();
    assertThat(policy.preflight(request)).isSameAs(first);
    CorsRequest otherHeaders =
        new CorsRequest(List.of("https://a.example"), "POST", List.of("x-b"), null, null, null);
    assertThat(policy.preflight(otherHeaders)).isNotSameAs(first);
    CorsRequest refused =
        new CorsRequest(List.of("https://a.example"), "DELETE", List.of(), null, null, null);
    assertThat(policy.preflight(refused)).isNotSameAs(policy.preflight(refused));
    CorsRequest twoOrigins =
        new CorsRequest(
            List.of("https://a.example", "https://a.example"),
            "POST",
            List.of("x-a"),
            null,
            null,
            null);
    assertThat(policy.preflight(twoOrigins).isRefused()).isTrue();
    CorsRequest otherSpelling =
        new CorsRequest(
            List.of("https://a.example"), "POST", List.of(" X-A ,x-a"), null, null, null);
    assertThat(policy.preflight(otherSpelling)).isSameAs(first);
  }

  @Test
  void preflightAnswersStayWithinTheCatalogsBound() {
    PolicyCatalog catalog = new PolicyCatalog(64, 60);
    CorsPolicy policy = catalog.builder().origins(List.of("https://a.example"), "o").build();
    for (int i = 0; i < 1000; i++) {
      CorsDecision answer =
          policy.preflight(
              new CorsRequest(
                  List.of("https://a.example"), "POST", List.of("x-h" + i), null, null, null));
      assertThat(answer.isAllowed()).isTrue();
      assertThat(catalog.cachedAnswers()).isLessThanOrEqualTo(64);
    }
    CorsRequest late =
        new CorsRequest(List.of("https://a.example"), "POST", List.of("x-late"), null, null, null);
    assertThat(policy.preflight(late)).isSameAs(policy.preflight(late));
    CorsRequest huge =
        new CorsRequest(
            List.of("https://a.example"),
            "POST",
            List.of("x-".repeat(300) + "a"),
            null,
            null,
            null);
    assertThat(policy.preflight(huge).isAllowed()).isTrue();
    assertThat(policy.preflight(huge)).as("too long to keep").isNotSameAs(policy.preflight(huge));
  }
}
