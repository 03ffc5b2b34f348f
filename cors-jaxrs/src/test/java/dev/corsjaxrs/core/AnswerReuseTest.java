package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsOriginCheck;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An allowed answer is built once and given again: to the same values (the same object), to another
 * spelling of them (its normalised form), and never past an origin check's time limit. Refusals and
 * answers to values too long to keep are built each time.
 */
class AnswerReuseTest {

  static final String OWN = "https://api.example.com";
  static final String A = "https://a.example";

  static CorsDecision actual(CorsPolicy policy, String origin) {
    return policy.actual(CorsRequest.actual(List.of(origin), null, OWN));
  }

  static CorsDecision preflight(CorsPolicy policy, String origin, String method, String headers) {
    return policy.preflight(
        new CorsRequest(
            List.of(origin), method, headers == null ? null : List.of(headers), null, null, OWN));
  }

  static PolicyBuilder listing(String... origins) {
    return new PolicyCatalog().builder().origins(List.of(origins), "o");
  }

  @Test
  void aListedOriginsAnswerIsOneObjectWhateverItsSpelling() {
    CorsPolicy policy = listing(A, "https://b.example").build();
    CorsDecision first = actual(policy, A);
    assertThat(first.headers()).containsEntry("Access-Control-Allow-Origin", A);
    assertThat(actual(policy, A)).isSameAs(first);
    assertThat(actual(policy, "HTTPS://A.EXAMPLE:443")).isSameAs(first);
    assertThat(actual(policy, "https://b.example")).isNotSameAs(first);
    assertThat(
            policy.actual(CorsRequest.actual(List.of(A, "https://b.example"), null, OWN)).refusal())
        .as("a kept answer is never given to two Origin lines")
        .isEqualTo(Refusal.ORIGIN_INVALID);
    assertThat(actual(policy, "https://evil.example"))
        .isNotSameAs(actual(policy, "https://evil.example"));
  }

  @Test
  void aPatternOrWildcardAnswerIsKeptInTheSharedCache() {
    CorsPolicy pattern = listing("https://*.example.com").build();
    CorsDecision first = actual(pattern, "https://x.example.com");
    assertThat(actual(pattern, "https://x.example.com")).isSameAs(first);
    assertThat(actual(pattern, "https://X.example.com")).isSameAs(first);
    assertThat(actual(pattern, "https://y.example.com")).isNotSameAs(first);
    CorsPolicy any = listing("*").build();
    CorsDecision star = actual(any, "https://one.example");
    assertThat(star.headers()).containsEntry("Access-Control-Allow-Origin", "*");
    assertThat(actual(any, "https://two.example")).isSameAs(star);
    assertThat(actual(listing("*", "null").build(), "null").headers())
        .containsEntry("Access-Control-Allow-Origin", "null");
  }

  @Test
  void aChecksYesIsKeptForItsTimeAndNoLonger() {
    AtomicInteger calls = new AtomicInteger();
    CorsOriginCheck check =
        origin -> {
          calls.incrementAndGet();
          return true;
        };
    CorsPolicy kept =
        new PolicyCatalog(64, 60, 2).builder().originCheck(check, "Check", "k").build();
    CorsDecision first = actual(kept, "https://t.example");
    assertThat(actual(kept, "https://t.example")).isSameAs(first);
    assertThat(calls).hasValue(1);
    CorsPolicy asked =
        new PolicyCatalog(64, 0, 2).builder().originCheck(check, "Check", "k").build();
    CorsDecision once = actual(asked, "https://u.example");
    assertThat(once.isAllowed()).isTrue();
    assertThat(actual(asked, "https://u.example")).isNotSameAs(once);
    assertThat(calls).hasValue(3);
  }

  @Test
  void aPreflightsAnswerIsOneObjectForTheSameValuesInAnySpelling() {
    CorsPolicy policy =
        listing(A).methods(List.of("GET", "PUT"), "m").allowedHeaders(List.of("*"), "h").build();
    CorsDecision first = preflight(policy, A, "PUT", "x-a, x-b");
    assertThat(first.isAllowed()).isTrue();
    assertThat(preflight(policy, A, "PUT", "x-a, x-b")).isSameAs(first);
    assertThat(preflight(policy, "HTTPS://A.example", "PUT", "X-A,x-b")).isSameAs(first);
    assertThat(preflight(policy, A, "PUT", "x-a")).isNotSameAs(first);
    assertThat(preflight(policy, A, "GET", "x-a, x-b")).isNotSameAs(first);
    CorsDecision noHeaders = preflight(policy, A, "PUT", null);
    assertThat(preflight(policy, A, "PUT", null)).isSameAs(noHeaders);
    assertThat(preflight(policy, A, "DELETE", null))
        .isNotSameAs(preflight(policy, A, "DELETE", null));
  }

  @Test
  void aHeaderListLongerThanTheLimitIsAnsweredButNotKept() {
    CorsPolicy policy = listing(A).methods(List.of("PUT"), "m").build();
    StringBuilder names = new StringBuilder("x-0");
    for (int i = 1; names.length() < CorsPolicy.MAX_CACHED_HEADER_LIST; i++) {
      names.append(",x-").append(i);
    }
    String atLimit = names.substring(0, names.lastIndexOf(",", CorsPolicy.MAX_CACHED_HEADER_LIST));
    CorsDecision kept = preflight(policy, A, "PUT", atLimit);
    assertThat(preflight(policy, A, "PUT", atLimit)).isSameAs(kept);
    String over = names + ",x-long";
    CorsDecision notKept = preflight(policy, A, "PUT", over);
    assertThat(notKept.isAllowed()).isTrue();
    CorsDecision again = preflight(policy, A, "PUT", over);
    assertThat(again).isNotSameAs(notKept);
    assertThat(again.headers()).isEqualTo(notKept.headers());
  }

  @Test
  void twoPreflightHeaderLinesAreJoinedAndAnsweredAlike() {
    CorsPolicy policy = listing(A).methods(List.of("PUT"), "m").build();
    CorsDecision joined = preflight(policy, A, "PUT", "x-a, x-b");
    CorsDecision split =
        policy.preflight(
            new CorsRequest(List.of(A), "PUT", List.of("x-a", "x-b"), null, null, OWN));
    assertThat(split).isSameAs(joined);
  }
}
