package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Origins the application decides ({@code CorsOriginCheck}), on the wire. */
class OriginCheckWireTest {

  static final String APP = "https://app.example.com";
  static final String TENANT = "https://shop.tenant.example";
  static final String GLOBAL = "https://eu.global.example";
  static final String EVIL = "https://evil.example";

  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                APP,
                "cors.origin-check",
                OriginCheckResources.GlobalCheck.class.getName()),
            Set.of(
                OriginCheckResources.Checked.class,
                OriginCheckResources.CheckedWithCredentials.class,
                OriginCheckResources.Plain.class,
                OriginCheckResources.Failing.class),
            Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} from {1}: {2}")
  @CsvSource({
    "/checked, https://shop.tenant.example, https://shop.tenant.example",
    "/checked, HTTPS://Shop.Tenant.Example:443, https://shop.tenant.example",
    "/checked, https://app.example.com, https://app.example.com",
    "/checked, https://eu.global.example, -",
    "/checked, https://evil.example, -",
    "/checked, https://tenant.example.evil.net, -",
    "/checked, null, -",
    "/plain, https://eu.global.example, https://eu.global.example",
    "/plain, https://shop.tenant.example, -",
    "/plain, https://app.example.com, https://app.example.com",
  })
  void actualRequestsAreAllowedByTheListOrTheCheck(String path, String origin, String allowed) {
    Response response = from(server, origin).get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    if (allowed.equals("-")) {
      assertNoCorsHeaders(response);
    } else {
      assertHeader(response, "Access-Control-Allow-Origin", allowed);
    }
    assertHeader(response, "Vary", "Origin");
  }

  @Test
  void responsesWithoutOriginStillVaryOnIt() {
    Response response = io.restassured.RestAssured.given().baseUri(server.baseUri).get("/checked");
    assertHeader(response, "Vary", "Origin");
  }

  @Test
  void preflightsAreAnsweredForOriginsTheCheckAllows() {
    Response allowed = preflight(server, TENANT, "/checked", "PUT");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertHeader(allowed, "Access-Control-Allow-Origin", TENANT);
    Response refused = preflight(server, EVIL, "/checked", "PUT");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
  }

  @Test
  void credentialsEchoTheExactOrigin() {
    Response response = from(server, "https://b.tenant.example").get("/checked-credentials");
    assertHeader(response, "Access-Control-Allow-Origin", "https://b.tenant.example");
    assertHeader(response, "Access-Control-Allow-Credentials", "true");
    assertHeader(response, "Vary", "Origin");
  }

  @Test
  void anAnswerIsReusedForTheCacheTimeThenAskedAgain() throws InterruptedException {
    try (TestServer shortLived =
        TestServer.start(
            Map.of("cors.origin-check.cache-seconds", "1"), OriginCheckResources.Checked.class)) {
      String origin = "https://cache" + System.nanoTime() + ".tenant.example";
      for (int i = 0; i < 10; i++) {
        assertHeader(
            from(shortLived, origin).get("/checked"), "Access-Control-Allow-Origin", origin);
      }
      assertThat(OriginCheckResources.TenantCheck.ASKED.get(origin).get()).isEqualTo(1);
      Thread.sleep(1200);
      assertHeader(from(shortLived, origin).get("/checked"), "Access-Control-Allow-Origin", origin);
      assertThat(OriginCheckResources.TenantCheck.ASKED.get(origin).get()).isEqualTo(2);
    }
  }

  @Test
  void aConfigurationOverrideSetsTheCheckOfAClass() {
    try (TestServer overridden =
        TestServer.start(
            Map.of(
                OriginCheckResources.Plain.class.getName() + "/CorsAllowed/originCheck",
                OriginCheckResources.TenantCheck.class.getName()),
            OriginCheckResources.Plain.class)) {
      assertHeader(from(overridden, TENANT).get("/plain"), "Access-Control-Allow-Origin", TENANT);
      assertNoCorsHeaders(from(overridden, GLOBAL).get("/plain"));
    }
  }

  @Test
  void aCheckThatThrowsRefusesAndIsLoggedOnce() {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs")) {
      for (int i = 0; i < 5; i++) {
        Response pre = preflight(server, TENANT, "/failing", "PUT");
        assertThat(pre.statusCode()).isEqualTo(403);
        assertNoCorsHeaders(pre);
        Response actual = from(server, TENANT).get("/failing");
        assertThat(actual.statusCode()).isEqualTo(200);
        assertNoCorsHeaders(actual);
      }
      Response listed = from(server, APP).get("/failing");
      assertHeader(listed, "Access-Control-Allow-Origin", APP);
      assertThat(log.records.stream().filter(r -> r.getLevel() == Level.WARNING))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getMessage())
                    .contains(OriginCheckResources.FailingCheck.class.getName());
                assertThat(r.getThrown()).hasMessage("tenant registry unreachable");
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cors.origin-check|com.example.NoSuchCheck|no such class",
        "cors.origin-check|dev.corsjaxrs.it.OriginCheckResources$NotACheck|does not implement",
        "cors.origin-check.cache-seconds|-1|whole number",
      })
  void aBadCheckStopsTheDeploymentNamingTheKey(String key, String value, String reason) {
    assertFailure(
        Map.of(key, value), OriginCheckResources.Plain.class, "'" + value + "'", key, reason);
  }

  @Test
  void aCheckWithoutConstructorOrBeanStopsTheDeploymentNamingTheAnnotation() {
    assertFailure(
        Map.of(),
        OriginCheckResources.WithoutConstructor.class,
        "@CorsAllowed(originCheck) on " + OriginCheckResources.WithoutConstructor.class.getName(),
        "no public no-argument constructor");
  }

  private static void assertFailure(
      Map<String, String> config, Class<?> resource, String... fragments) {
    Throwable failure = catchThrowable(() -> TestServer.start(config, resource).close());
    assertThat(failure).isNotNull();
    Throwable cause = failure;
    while (!(cause instanceof InvalidCorsConfigurationException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertThat(cause).isInstanceOf(InvalidCorsConfigurationException.class);
    assertThat(cause.getMessage()).contains(fragments);
  }
}
