package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer to a request depends on the request and the policy only, never on what was asked
 * before: an allow-listed origin that is also the request's own origin gets its usual answer on the
 * first request as on the thousandth, whatever the order.
 */
class SameOriginTest {

  static final String APP = "https://app.example.com";
  static final CorsRequest SAME = CorsRequest.actual(List.of(APP), null, APP);
  static final CorsRequest MARKED = CorsRequest.actual(List.of(APP), "same-origin", "https://x.y");
  static final CorsRequest CROSS =
      CorsRequest.actual(List.of(APP), null, "https://api.example.com");
  static final CorsRequest PREFLIGHT_SAME =
      new CorsRequest(List.of(APP), "PUT", List.of("x-a"), null, null, APP);
  static final CorsRequest PREFLIGHT_CROSS =
      new CorsRequest(List.of(APP), "PUT", List.of("x-a"), null, null, "https://api.example.com");

  @Test
  void everyOrderOfRequestsGetsTheSameAnswers() {
    List<CorsRequest> requests =
        new ArrayList<>(List.of(SAME, MARKED, CROSS, PREFLIGHT_SAME, PREFLIGHT_CROSS));
    for (String origins : List.of(APP, "https://*.example.com", "*")) {
      Map<CorsRequest, String> expected = null;
      for (int round = 0; round < 30; round++) {
        Collections.shuffle(requests, new java.util.Random(round));
        CorsPolicy policy =
            new PolicyCatalog()
                .builder()
                .origins(List.of(origins), "o")
                .methods(List.of("GET", "PUT"), "m")
                .build();
        Map<CorsRequest, String> answers = new java.util.HashMap<>();
        for (CorsRequest request : requests) {
          for (int repeat = 0; repeat < 2; repeat++) {
            String answer = answer(policy, request);
            assertThat(answers.putIfAbsent(request, answer)).isIn(null, answer);
          }
        }
        if (expected == null) {
          expected = answers;
        }
        assertThat(answers).as("%s, round %d", origins, round).isEqualTo(expected);
      }
      assertThat(expected.get(SAME)).isEqualTo(expected.get(CROSS)).startsWith("ALLOWED");
      assertThat(expected.get(PREFLIGHT_SAME)).isEqualTo(expected.get(PREFLIGHT_CROSS));
    }
  }

  private static String answer(CorsPolicy policy, CorsRequest request) {
    CorsDecision decision =
        request.requestMethod() == null ? policy.actual(request) : policy.preflight(request);
    return decision.outcome() + " " + decision.headers() + " " + decision.vary();
  }

  /** API.md v1.3: the browser's label counts only for the request's own host. */
  @Test
  void theSameOriginLabelCountsOnlyForTheOwnHost() {
    CorsPolicy policy =
        new PolicyCatalog().builder().origins(List.of("https://app.example.com"), "t").build();
    String own = "https://api.example.com";
    assertThat(
            policy
                .actual(
                    CorsRequest.actual(List.of("http://api.example.com:8080"), "same-origin", own))
                .outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
    assertThat(policy.actual(CorsRequest.actual(List.of("null"), "same-origin", own)).outcome())
        .isEqualTo(CorsDecision.Outcome.REFUSED);
    assertThat(
            policy
                .actual(
                    CorsRequest.actual(List.of("http://api.example.com:8080"), "same-origin", null))
                .outcome())
        .as("an own origin that cannot be told")
        .isEqualTo(CorsDecision.Outcome.REFUSED);
    assertThat(
            policy
                .actual(
                    CorsRequest.actual(List.of("http://api.example.com:8080"), "same-site", own))
                .outcome())
        .isEqualTo(CorsDecision.Outcome.REFUSED);
    assertThat(
            policy
                .actual(CorsRequest.actual(List.of("http://api.example.com:8080"), null, own))
                .outcome())
        .isEqualTo(CorsDecision.Outcome.REFUSED);
  }
}
