package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.core.CorsProtocolTest.Exchange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each request the protocol decides is counted once, with what the browser got and why. */
class RequestCountTest {

  static final String APP = CorsProtocolTest.APP;
  static final String EVIL = CorsProtocolTest.EVIL;
  static final String OWN = CorsProtocolTest.OWN;

  final List<String> counted = new ArrayList<>();
  final RequestCounter recorder =
      (kind, outcome, refusal, policy) ->
          counted.add(kind + " " + outcome + " " + refusal + " " + policy);

  CorsProtocol protocol() {
    return new CorsProtocol(false, AllowedHosts.ANY, recorder);
  }

  static CorsPolicy policy(StrictRolloutTest.Mode mode, boolean disabled) {
    return StrictRolloutTest.policy(mode, disabled);
  }

  List<String> actual(StrictRolloutTest.Mode mode, boolean disabled, String... request) {
    counted.clear();
    StrictRolloutTest.run(protocol(), policy(mode, disabled), request);
    return List.copyOf(counted);
  }

  List<String> preflight(String origin, String method) {
    counted.clear();
    Exchange preflight = new Exchange("OPTIONS", "Origin", origin);
    protocol().answerPreflight(policy(StrictRolloutTest.Mode.FALSE, false), preflight, method);
    return List.copyOf(counted);
  }

  @Test
  void preflightsAreCountedAllowedRefusedOrSameOrigin() {
    assertThat(preflight(APP, "PUT")).containsExactly("PREFLIGHT ALLOWED null global");
    assertThat(preflight(EVIL, "PUT"))
        .containsExactly("PREFLIGHT REFUSED ORIGIN_NOT_ALLOWED global");
    assertThat(preflight(APP, "DELETE"))
        .containsExactly("PREFLIGHT REFUSED METHOD_NOT_ALLOWED global");
    assertThat(preflight("https://a b", "PUT"))
        .containsExactly("PREFLIGHT REFUSED ORIGIN_INVALID global");
    assertThat(preflight(OWN, "DELETE")).containsExactly("PREFLIGHT SAME_ORIGIN null global");
  }

  @Test
  void onlyAnOptionsRequestAskingForAMethodIsAPreflight() {
    CorsProtocol protocol = protocol();
    CorsPolicy policy = policy(StrictRolloutTest.Mode.FALSE, false);
    Exchange options = new Exchange("OPTIONS", "Origin", APP);
    protocol.writeActual(protocol.decide(policy, options), policy, options);
    Exchange put = new Exchange("PUT", "Origin", APP, "Access-Control-Request-Method", "PUT");
    protocol.writeActual(protocol.decide(policy, put), policy, put);
    assertThat(counted).containsExactly("ACTUAL ALLOWED null global", "ACTUAL ALLOWED null global");
  }

  @Test
  void aSameOriginPreflightThatGoesOnToTheApplicationIsCountedOnce() {
    CorsProtocol protocol = protocol();
    CorsPolicy policy = policy(StrictRolloutTest.Mode.FALSE, false);
    Exchange preflight =
        new Exchange("OPTIONS", "Origin", OWN, "Access-Control-Request-Method", "DELETE");
    assertThat(protocol.answerPreflight(policy, preflight, "DELETE")).isFalse();
    protocol.writeActual(protocol.decide(policy, preflight), policy, preflight);
    assertThat(counted).containsExactly("PREFLIGHT SAME_ORIGIN null global");
  }

  @Test
  void actualRequestsAreCountedOnceInEveryMode() {
    StrictRolloutTest.Mode lenient = StrictRolloutTest.Mode.FALSE;
    StrictRolloutTest.Mode strict = StrictRolloutTest.Mode.TRUE;
    StrictRolloutTest.Mode report = StrictRolloutTest.Mode.REPORT;
    assertThat(actual(lenient, false, "GET", "Origin", APP))
        .containsExactly("ACTUAL ALLOWED null global");
    assertThat(actual(lenient, false, "DELETE", "Origin", EVIL))
        .containsExactly("ACTUAL REFUSED ORIGIN_NOT_ALLOWED global");
    assertThat(actual(strict, false, "DELETE", "Origin", EVIL))
        .containsExactly("ACTUAL REFUSED ORIGIN_NOT_ALLOWED global");
    assertThat(actual(report, false, "DELETE", "Origin", EVIL))
        .containsExactly("ACTUAL REPORTED ORIGIN_NOT_ALLOWED global");
    assertThat(actual(strict, false, "PUT", "Origin", "https://"))
        .containsExactly("ACTUAL REFUSED ORIGIN_INVALID global");
    assertThat(actual(lenient, false, "DELETE", "Origin", OWN))
        .containsExactly("ACTUAL SAME_ORIGIN null global");
    assertThat(actual(strict, false, "POST", "Sec-Fetch-Site", "cross-site"))
        .containsExactly("ACTUAL REFUSED ORIGIN_NOT_ALLOWED global");
    assertThat(actual(report, false, "POST", "Sec-Fetch-Site", "same-site"))
        .containsExactly("ACTUAL REPORTED ORIGIN_NOT_ALLOWED global");
    assertThat(actual(strict, true, "PUT", "Origin", APP))
        .containsExactly("ACTUAL REFUSED CORS_DISABLED disabled");
    assertThat(actual(lenient, true, "PUT", "Origin", APP))
        .containsExactly("ACTUAL REFUSED CORS_DISABLED disabled");
    assertThat(actual(report, true, "PUT", "Origin", APP))
        .containsExactly("ACTUAL REPORTED CORS_DISABLED disabled");
    assertThat(actual(strict, false, "GET", "Origin", APP, "Upgrade", "websocket"))
        .containsExactly("WEBSOCKET ALLOWED null global");
    assertThat(actual(lenient, false, "GET", "Origin", EVIL, "Upgrade", "websocket"))
        .containsExactly("WEBSOCKET REFUSED ORIGIN_NOT_ALLOWED global");
  }

  @Test
  void requestsLetThroughUntouchedAreNotCounted() {
    for (StrictRolloutTest.Mode mode : StrictRolloutTest.Mode.values()) {
      assertThat(actual(mode, false, "POST")).isEmpty();
      assertThat(actual(mode, false, "GET", "Sec-Fetch-Site", "cross-site")).isEmpty();
      assertThat(actual(mode, false, "POST", "Sec-Fetch-Site", "same-origin")).isEmpty();
    }
    assertThat(actual(StrictRolloutTest.Mode.FALSE, false, "POST", "Sec-Fetch-Site", "cross-site"))
        .isEmpty();
  }
}
