package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The two decisions of the protocol, as tables: policy, request, expected answer. */
class CorsPolicyTest {

  static final String APP = "https://app.example.com";
  static final String OWN = "https://api.example.com";
  static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  static CorsPolicy policy(UnaryOperator<PolicyBuilder> settings) {
    return settings.apply(new PolicyCatalog().builder().origins(List.of(APP), "test")).build();
  }

  static CorsRequest preflight(String origin, String method, String... headerLines) {
    return new CorsRequest(List.of(origin), method, List.of(headerLines), null, null, OWN);
  }

  static Map<String, String> headers(String... nameValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put(nameValues[i], nameValues[i + 1]);
    }
    return map;
  }

  static Arguments allowed(
      String name, UnaryOperator<PolicyBuilder> p, CorsRequest r, Map<String, String> h) {
    return Arguments.of(name, p, r, null, h);
  }

  static Arguments refused(
      String name, UnaryOperator<PolicyBuilder> p, CorsRequest r, Refusal refusal) {
    return Arguments.of(name, p, r, refusal, Map.of());
  }

  static Stream<Arguments> preflights() {
    UnaryOperator<PolicyBuilder> defaults = b -> b;
    return Stream.of(
        allowed(
            "simple preflight with the built-in defaults",
            defaults,
            preflight(APP, "POST"),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Max-Age", "1800")),
        allowed(
            "requested headers answered with a literal * without credentials",
            defaults,
            preflight(APP, "POST", "x-token, content-type"),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Headers", "*",
                "Access-Control-Max-Age", "1800")),
        allowed(
            "authorization is never covered by a literal *: names listed",
            defaults,
            preflight(APP, "POST", "x-token,Authorization"),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Headers", "x-token, authorization",
                "Access-Control-Max-Age", "1800")),
        allowed(
            "with credentials * is literal: names listed",
            b -> b.allowCredentials(true, "test"),
            preflight(APP, "POST", "x-token"),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Headers", "x-token",
                "Access-Control-Max-Age", "1800")),
        allowed(
            "several header lines, blanks and empty items, duplicates",
            b -> b.allowCredentials(true, "test"),
            preflight(APP, "POST", " x-a ,, X-B", "x-a,\tx-c "),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Headers", "x-a, x-b, x-c",
                "Access-Control-Max-Age", "1800")),
        allowed(
            "listed headers compared case-insensitively, configured list answered once each",
            b -> b.allowedHeaders(List.of("X-Token", "Content-Type", "x-token"), "test"),
            preflight(APP, "POST", "content-type,x-token"),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Headers", "X-Token, Content-Type",
                "Access-Control-Max-Age", "1800")),
        refused(
            "a header outside the list",
            b -> b.allowedHeaders(List.of("X-Token"), "test"),
            preflight(APP, "POST", "x-token, x-other"),
            Refusal.HEADER_NOT_ALLOWED),
        refused(
            "an empty header list allows no header",
            b -> b.allowedHeaders(List.of(), "test"),
            preflight(APP, "POST", "x-token"),
            Refusal.HEADER_NOT_ALLOWED),
        refused(
            "a header that is not a token",
            defaults,
            preflight(APP, "POST", "x-token, x y"),
            Refusal.HEADER_INVALID),
        allowed(
            "101 requested header names: no count limit (Fetch sets none)",
            defaults,
            preflight(APP, "POST", String.join(",", manyHeaders(101))),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Headers", "*",
                "Access-Control-Max-Age", "1800")),
        allowed(
            "500 requested header names, listed back with credentials",
            b -> b.allowCredentials(true, "test"),
            preflight(APP, "POST", String.join(", ", manyHeaders(500))),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Headers", String.join(", ", manyHeaders(500)),
                "Access-Control-Max-Age", "1800")),
        allowed(
            "configured methods, HEAD added with GET",
            b -> b.methods(List.of("GET", "PUT"), "test").maxAge(-1, "test"),
            preflight(APP, "PUT"),
            headers(
                "Access-Control-Allow-Origin",
                APP,
                "Access-Control-Allow-Methods",
                "GET, PUT, HEAD")),
        refused(
            "methods are case-sensitive",
            b -> b.methods(List.of("PUT"), "test"),
            preflight(APP, "put"),
            Refusal.METHOD_NOT_ALLOWED),
        allowed(
            "a method * allows any method and echoes it",
            b -> b.methods(List.of("*"), "test").maxAge(0, "test"),
            preflight(APP, "patch"),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "patch",
                "Access-Control-Max-Age", "0")),
        refused(
            "a method that is not a token",
            b -> b.methods(List.of("*"), "test"),
            preflight(APP, "GET POST"),
            Refusal.METHOD_INVALID),
        refused(
            "a method not allowed", defaults, preflight(APP, "DELETE"), Refusal.METHOD_NOT_ALLOWED),
        refused(
            "an origin not allowed",
            defaults,
            preflight("https://evil.example", "GET"),
            Refusal.ORIGIN_NOT_ALLOWED),
        refused(
            "an origin with a path",
            defaults,
            preflight(APP + "/x", "GET"),
            Refusal.ORIGIN_INVALID),
        refused(
            "two Origin headers",
            defaults,
            new CorsRequest(List.of(APP, APP), "GET", List.of(), null, null, OWN),
            Refusal.ORIGIN_INVALID),
        allowed(
            "wildcard origin answers *",
            b -> b.origins(List.of("*"), "test").maxAge(-1, "test"),
            preflight("https://any.example", "GET"),
            headers(
                "Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Methods", "GET, HEAD, POST")),
        allowed(
            "null listed explicitly",
            b -> b.origins(List.of("*", "null"), "test").maxAge(-1, "test"),
            preflight("null", "GET"),
            headers(
                "Access-Control-Allow-Origin", "null",
                "Access-Control-Allow-Methods", "GET, HEAD, POST")),
        refused(
            "private network not allowed by default",
            defaults,
            new CorsRequest(List.of(APP), "GET", List.of(), "true", null, OWN),
            Refusal.PRIVATE_NETWORK_NOT_ALLOWED),
        allowed(
            "private network allowed",
            b -> b.allowPrivateNetwork(true, "test").maxAge(-1, "test"),
            new CorsRequest(List.of(APP), "GET", List.of(), "true", null, OWN),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Methods", "GET, HEAD, POST",
                "Access-Control-Allow-Private-Network", "true")));
  }

  static List<String> manyHeaders(int count) {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("x-h" + i);
    }
    return names;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preflights")
  void decidesPreflights(
      String name,
      UnaryOperator<PolicyBuilder> settings,
      CorsRequest request,
      Refusal refusal,
      Map<String, String> expected) {
    CorsDecision decision = policy(settings).preflight(request);
    assertThat(decision.refusal()).isEqualTo(refusal);
    assertThat(decision.outcome())
        .isEqualTo(refusal == null ? CorsDecision.Outcome.ALLOWED : CorsDecision.Outcome.REFUSED);
    assertThat(decision.headers()).containsExactlyEntriesOf(expected);
    assertThat(decision.vary())
        .isEqualTo(
            name.startsWith("private network allowed")
                ? PREFLIGHT_VARY + ", Access-Control-Request-Private-Network"
                : PREFLIGHT_VARY);
    if (refusal == null) {
      assertThat(decision.explanation()).isNull();
    } else {
      assertThat(decision.explanation()).isNotBlank();
    }
  }

  static Stream<Arguments> actuals() {
    return Stream.of(
        allowed(
            "allowed origin echoed",
            b -> b,
            CorsRequest.actual(List.of(APP), null, OWN),
            headers("Access-Control-Allow-Origin", APP)),
        allowed(
            "credentials and exposed headers",
            b ->
                b.allowCredentials(true, "test").exposedHeaders(List.of("X-Total", "ETag"), "test"),
            CorsRequest.actual(List.of(APP), null, OWN),
            headers(
                "Access-Control-Allow-Origin", APP,
                "Access-Control-Allow-Credentials", "true",
                "Access-Control-Expose-Headers", "X-Total, ETag")),
        allowed(
            "exposed * without credentials is sent as *",
            b -> b.exposedHeaders(List.of("*"), "test"),
            CorsRequest.actual(List.of(APP), null, OWN),
            headers("Access-Control-Allow-Origin", APP, "Access-Control-Expose-Headers", "*")),
        allowed(
            "wildcard origin without credentials answers *",
            b -> b.origins(List.of("*"), "test"),
            CorsRequest.actual(List.of("https://x.example"), null, OWN),
            headers("Access-Control-Allow-Origin", "*")),
        refused(
            "origin not allowed",
            b -> b,
            CorsRequest.actual(List.of("https://evil.example"), null, OWN),
            Refusal.ORIGIN_NOT_ALLOWED),
        refused(
            "hostile origin",
            b -> b,
            CorsRequest.actual(List.of(APP + "\r\nSet-Cookie: a=b"), null, OWN),
            Refusal.ORIGIN_INVALID),
        refused(
            "two origins",
            b -> b,
            CorsRequest.actual(List.of(APP, "https://evil.example"), null, OWN),
            Refusal.ORIGIN_INVALID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actuals")
  void decidesActualRequests(
      String name,
      UnaryOperator<PolicyBuilder> settings,
      CorsRequest request,
      Refusal refusal,
      Map<String, String> expected) {
    CorsDecision decision = policy(settings).actual(request);
    assertThat(decision.refusal()).isEqualTo(refusal);
    assertThat(decision.isAllowed()).isEqualTo(refusal == null);
    assertThat(decision.headers()).containsExactlyEntriesOf(expected);
    assertThat(decision.vary()).isEqualTo("Origin");
    assertThat(decision.exposeAllResponseHeaders()).isFalse();
    if (refusal != null) {
      assertThat(decision.explanation()).isNotBlank();
    }
  }

  @Test
  void requestsWithoutOriginOrFromTheirOwnOriginAreNotCors() {
    CorsPolicy policy = policy(b -> b);
    assertThat(policy.actual(CorsRequest.actual(List.of(), null, OWN)).outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
    assertThat(
            policy
                .actual(CorsRequest.actual(List.of("HTTPS://api.example.com:443"), null, OWN))
                .outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
    assertThat(
            policy
                .actual(
                    CorsRequest.actual(List.of("https://api.example.com:8443"), "same-origin", OWN))
                .outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
    for (String foreign : List.of("https://evil.example", "null")) {
      assertThat(policy.actual(CorsRequest.actual(List.of(foreign), "same-origin", OWN)).outcome())
          .as("API.md v1.3: a foreign Origin wins over the same-origin label: %s", foreign)
          .isNotEqualTo(CorsDecision.Outcome.NOT_CORS);
    }
    assertThat(policy.preflight(preflight(OWN, "DELETE")).outcome())
        .isEqualTo(CorsDecision.Outcome.NOT_CORS);
    assertThat(policy.actual(CorsRequest.actual(List.of(), null, OWN)).vary()).isEqualTo("Origin");
  }

  @Test
  void anEmptyAllowListDoesNotVaryAndDisabledPoliciesAddNothing() {
    CorsPolicy none = new PolicyCatalog().builder().build();
    assertThat(none.actual(CorsRequest.actual(List.of(APP), null, OWN)).vary()).isNull();
    CorsPolicy strict = new PolicyCatalog().builder().rejectDisallowed(true, "test").build();
    assertThat(strict.actual(CorsRequest.actual(List.of(), null, OWN)).vary()).isEqualTo("Origin");
    CorsPolicy disabled = new PolicyCatalog().builder().disabled("@CorsDisabled on X").build();
    CorsDecision actual = disabled.actual(CorsRequest.actual(List.of(APP), null, OWN));
    assertThat(actual.refusal()).isEqualTo(Refusal.CORS_DISABLED);
    assertThat(actual.headers()).isEmpty();
    assertThat(actual.vary()).isNull();
    CorsDecision pre = disabled.preflight(preflight(APP, "GET"));
    assertThat(pre.refusal()).isEqualTo(Refusal.CORS_DISABLED);
    assertThat(pre.explanation()).contains("@CorsDisabled on X");
  }

  @Test
  void refusalsExplainWhichRuleFromWhere() {
    CorsPolicy policy =
        new PolicyCatalog()
            .builder()
            .origins(List.of(APP), "cors.allowed-origins")
            .methods(List.of("GET"), "@CorsAllowed(methods) on Items#get")
            .allowedHeaders(List.of("X-Token"), "cors.policy.p.allowed-headers")
            .build();
    assertThat(policy.preflight(preflight("https://evil.example", "GET")).explanation())
        .isEqualTo(
            "origin https://evil.example is not allowed: only [https://app.example.com] (from"
                + " cors.allowed-origins)");
    assertThat(policy.preflight(preflight(APP, "PUT")).explanation())
        .isEqualTo(
            "method PUT is not allowed: only GET, HEAD (from @CorsAllowed(methods) on Items#get)");
    assertThat(policy.preflight(preflight(APP, "GET", "x-other")).explanation())
        .isEqualTo(
            "header x-other is not allowed: only X-Token (from cors.policy.p.allowed-headers)");
    assertThat(
            policy
                .actual(
                    CorsRequest.actual(List.of("https://e\u0001/" + "x".repeat(200)), null, OWN))
                .explanation())
        .startsWith("Origin 'https://e\\u0001/x")
        .endsWith("...' is not an origin")
        .doesNotContain("\u0001");
  }

  @Test
  void wildcardOriginWithCredentialsFailsNamingBothSources() {
    assertThatThrownBy(
            () ->
                new PolicyCatalog()
                    .builder()
                    .origins(List.of("*"), "cors.allowed-origins")
                    .allowCredentials(true, "@CorsAllowed(allowCredentials) on A")
                    .build())
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageContaining("cors.allowed-origins")
        .hasMessageContaining("@CorsAllowed(allowCredentials) on A");
  }

  @Test
  void invalidTokensAndMaxAgeFailNamingTheValue() {
    assertThatThrownBy(() -> new PolicyCatalog().builder().methods(List.of("GE T"), "k"))
        .hasMessageContaining("'GE T'")
        .hasMessageContaining("k");
    assertThatThrownBy(() -> new PolicyCatalog().builder().allowedHeaders(List.of("X-*"), "k"))
        .hasMessageContaining("'X-*'");
    assertThatThrownBy(() -> new PolicyCatalog().builder().maxAge(-2, "cors.max-age"))
        .hasMessageContaining("'-2'")
        .hasMessageContaining("cors.max-age");
  }
}
