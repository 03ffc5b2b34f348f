package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.assertNoHeader;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole story over real HTTP, on one Jersey application configured like a real one. */
class CorsWireTest {

  static final String APP = "https://app.example.com";
  static final String PARTNER = "https://partner.example.org";
  static final String ADMIN = "https://admin.example.org";
  static final String EVIL = "https://evil.example";

  static TestServer server;
  static LogCapture runtimeLog;

  @BeforeAll
  static void start() {
    runtimeLog = LogCapture.runtimeClientErrors();
    server =
        TestServer.start(
            Map.ofEntries(
                Map.entry(
                    "cors.allowed-origins", APP + ", https://*.example.net ,http://localhost:*"),
                Map.entry("tenant.origins", "https://t.example.com"),
                Map.entry("cors.policy.tenants.max-age", "5"),
                Map.entry("cors.policy.tenants.allowed-headers", "X-Tenant"),
                Map.entry("cors.policy.public.paths", "/public/*"),
                Map.entry("cors.policy.public.allowed-origins", "*"),
                Map.entry("cors.policy.public.max-age", "-1"),
                Map.entry(
                    "dev.corsjaxrs.it.Resources$Items/patch/CorsAllowed/allowedHeaders", "X-Patch"),
                Map.entry("dev.corsjaxrs.it.Resources$Partner/CorsAllowed/maxAge", "700")),
            Resources.Items.class,
            Resources.Partner.class,
            Resources.Internal.class,
            Resources.Tenants.class,
            Resources.Public.class);
  }

  @AfterAll
  static void stop() {
    server.close();
    runtimeLog.close();
    assertThat(runtimeLog.onlyClientErrors())
        .as("runtime log: %s", runtimeLog.aboveInfo())
        .isTrue();
  }

  @Test
  void sameOriginRequestGetsNoCorsHeaderButVary() {
    Response response = from(server, "http://127.0.0.1:" + server.port).get("/items");
    assertThat(response.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(response);
    assertHeader(response, "Vary", "Origin");
  }

  @Test
  void requestMarkedSameOriginByTheBrowserIsNotCrossOrigin() {
    Response response = from(server, EVIL).header("Sec-Fetch-Site", "same-origin").get("/items");
    assertThat(response.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(response);
  }

  @Test
  void unlistedOriginGetsTheResponseWithoutAllowOrigin() {
    Response response = from(server, EVIL).get("/items");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().asString()).isEqualTo("items");
    assertNoCorsHeaders(response);
    assertHeader(response, "Vary", "Origin");
  }

  @Test
  void allowListedOriginIsEchoed() {
    Response response = from(server, APP).get("/items");
    assertThat(response.statusCode()).isEqualTo(200);
    assertHeader(response, "Access-Control-Allow-Origin", APP);
    assertHeader(response, "Vary", "Origin");
    assertNoHeader(response, "Access-Control-Allow-Credentials");
    assertNoHeader(response, "Access-Control-Expose-Headers");
  }

  @Test
  void originIsComparedAfterNormalisation() {
    Response response = from(server, "HTTPS://App.Example.com:443").get("/items");
    assertHeader(response, "Access-Control-Allow-Origin", APP);
  }

  @Test
  void subdomainPatternAllowsSubdomainsAtAnyDepthOnly() {
    assertHeader(
        from(server, "https://a.b.example.net").get("/items"),
        "Access-Control-Allow-Origin",
        "https://a.b.example.net");
    for (String refused :
        new String[] {
          "https://example.net",
          "https://evilexample.net",
          "https://example.net.evil.com",
          "http://a.example.net",
          "https://a.example.net:8443"
        }) {
      assertNoCorsHeaders(from(server, refused).get("/items"));
    }
  }

  @Test
  void anyPortPatternAllowsEveryPortOfThatSchemeAndHost() {
    assertHeader(
        from(server, "http://localhost:3000").get("/items"),
        "Access-Control-Allow-Origin",
        "http://localhost:3000");
    assertNoCorsHeaders(from(server, "https://localhost:3000").get("/items"));
    assertNoCorsHeaders(from(server, "http://127.0.0.1:3000").get("/items"));
  }

  @Test
  void wildcardOfNamedPolicyChosenByPathAnswersStar() {
    Response response = from(server, EVIL).get("/public/7");
    assertHeader(response, "Access-Control-Allow-Origin", "*");
    assertHeader(response, "Vary", "Origin");
  }

  @Test
  void wildcardNeverAllowsTheNullOrigin() {
    assertNoCorsHeaders(from(server, "null").get("/public"));
  }

  @Test
  void preflightedPutWithCustomHeaderIsAllowed() {
    Response response = preflight(server, APP, "/items/1", "PUT", "x-token");
    assertThat(response.statusCode()).isEqualTo(200);
    assertHeader(response, "Access-Control-Allow-Origin", APP);
    // PATCH has a policy of its own here (a config key overrides its allowed headers): it is
    // left out so that a browser's preflight cache never lets a PATCH skip its own preflight.
    assertHeader(response, "Access-Control-Allow-Methods", "GET, HEAD, PUT, DELETE, OPTIONS");
    assertHeader(response, "Access-Control-Allow-Headers", "*");
    assertHeader(response, "Access-Control-Max-Age", "1800");
    assertHeader(
        response, "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    assertNoHeader(response, "Access-Control-Allow-Credentials");
  }

  @Test
  void preflightThatAsksForAuthorizationGetsTheHeadersListedNotStar() {
    Response response = preflight(server, APP, "/items/1", "PUT", "x-token,authorization");
    assertThat(response.statusCode()).isEqualTo(200);
    assertHeader(response, "Access-Control-Allow-Headers", "x-token, authorization");
  }

  @Test
  void preflightWithoutRequestedHeadersHasNoAllowHeaders() {
    Response response = preflight(server, APP, "/items/1", "DELETE");
    assertThat(response.statusCode()).isEqualTo(200);
    assertNoHeader(response, "Access-Control-Allow-Headers");
  }

  @Test
  void preflightFromUnlistedOriginIsRefused() {
    Response response = preflight(server, EVIL, "/items/1", "PUT", "x-token");
    assertThat(response.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(response);
  }

  @Test
  void preflightForAMethodThePathDoesNotImplementIsRefused() {
    Response response = preflight(server, APP, "/items", "DELETE");
    assertThat(response.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(response);
  }

  @Test
  void methodConfigKeyOverridesAllowedHeaders() {
    Response allowed = preflight(server, APP, "/items/1", "PATCH", "x-patch");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertHeader(allowed, "Access-Control-Allow-Headers", "X-Patch");
    assertHeader(allowed, "Access-Control-Allow-Methods", "PATCH");
    Response refused = preflight(server, APP, "/items/1", "PATCH", "x-token");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
  }

  @Test
  void preflightUsesThePolicyOfTheMethodThatServesTheActualRequest() {
    Response admin = preflight(server, ADMIN, "/partner", "PUT", "x-token");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertHeader(admin, "Access-Control-Allow-Origin", ADMIN);
    assertHeader(admin, "Access-Control-Allow-Headers", "X-Token");
    assertHeader(admin, "Access-Control-Allow-Credentials", "true");
    assertHeader(admin, "Access-Control-Allow-Methods", "PUT");
    Response partnerPut = preflight(server, PARTNER, "/partner", "PUT", "x-token");
    assertThat(partnerPut.statusCode()).isEqualTo(403);
    Response partnerGet = preflight(server, PARTNER, "/partner", "GET", "x-token");
    assertThat(partnerGet.statusCode()).isEqualTo(200);
    assertHeader(partnerGet, "Access-Control-Allow-Origin", PARTNER);
    assertHeader(partnerGet, "Access-Control-Allow-Methods", "GET, HEAD");
  }

  @Test
  void classConfigKeyOverridesClassAnnotation() {
    assertHeader(
        preflight(server, PARTNER, "/partner", "GET", "x-a"), "Access-Control-Max-Age", "700");
  }

  @Test
  void credentialsAndExposedHeadersComeFromTheClassAnnotation() {
    Response response = from(server, PARTNER).get("/partner");
    assertThat(response.statusCode()).isEqualTo(200);
    assertHeader(response, "Access-Control-Allow-Origin", PARTNER);
    assertHeader(response, "Access-Control-Allow-Credentials", "true");
    assertHeader(response, "Access-Control-Expose-Headers", "X-Total");
    assertNoCorsHeaders(from(server, APP).get("/partner"));
  }

  @Test
  void corsDisabledClassGetsNoHeaderAndItsPreflightsAreRefused() {
    Response actual = from(server, APP).get("/internal");
    assertThat(actual.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(actual);
    assertNoHeader(actual, "Vary");
    Response pre = preflight(server, APP, "/internal", "PUT", "x-token");
    assertThat(pre.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(pre);
  }

  @Test
  void corsDisabledMethodOverridesItsClass() {
    Response pre = preflight(server, PARTNER, "/partner", "DELETE");
    assertThat(pre.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(pre);
    assertNoCorsHeaders(from(server, PARTNER).delete("/partner"));
  }

  @Test
  void expressionsAndNamedPolicyFromTheAnnotation() {
    Response response =
        preflight(server, "https://t.example.com", "/tenants/4", "DELETE", "x-tenant");
    assertThat(response.statusCode()).isEqualTo(200);
    assertHeader(response, "Access-Control-Allow-Origin", "https://t.example.com");
    assertHeader(response, "Access-Control-Max-Age", "5");
    assertHeader(response, "Access-Control-Allow-Headers", "X-Tenant");
    assertThat(preflight(server, APP, "/tenants/4", "DELETE").statusCode()).isEqualTo(403);
  }

  @Test
  void maxAgeMinusOneOmitsTheHeader() {
    Response response = preflight(server, APP, "/public/1", "GET", "x-a");
    assertThat(response.statusCode()).isEqualTo(200);
    assertHeader(response, "Access-Control-Allow-Origin", "*");
    assertNoHeader(response, "Access-Control-Max-Age");
  }

  @Test
  void preflightNeverReachesTheResourceButPlainOptionsDoes() {
    Response pre = preflight(server, APP, "/items/1", "PUT");
    assertNoHeader(pre, "X-Own-Options");
    assertThat(pre.body().asString()).isEmpty();
    Response plain = from(server, APP).options("/items/1");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertHeader(plain, "X-Own-Options", "yes");
    assertHeader(plain, "Access-Control-Allow-Origin", APP);
  }

  @Test
  void severalRequestHeaderLinesCountAsOneList() {
    Response response =
        from(server, APP)
            .header("Access-Control-Request-Method", "PATCH")
            .header("Access-Control-Request-Headers", "x-patch")
            .header("Access-Control-Request-Headers", "x-other")
            .options("/items/1");
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void errorResponsesCarryTheHeaders() {
    Response unauthorized = from(server, APP).get("/items/secret");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertHeader(unauthorized, "Access-Control-Allow-Origin", APP);
    Response notFound = from(server, APP).get("/nothing/here");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertHeader(notFound, "Access-Control-Allow-Origin", APP);
    Response notAllowed = from(server, APP).delete("/items");
    assertThat(notAllowed.statusCode()).isEqualTo(405);
    assertHeader(notAllowed, "Access-Control-Allow-Origin", APP);
  }

  @Test
  void varyIsMergedWithTheApplicationsOwn() {
    assertHeader(from(server, APP).get("/items/varied"), "Vary", "Accept, Origin");
    assertHeader(from(server, null).get("/items/varied"), "Vary", "Accept, Origin");
  }

  @Test
  void responseWithoutOriginStillVariesOnOrigin() {
    Response response = from(server, null).get("/items");
    assertNoCorsHeaders(response);
    assertHeader(response, "Vary", "Origin");
  }

  @Test
  void privateNetworkPreflightIsRefusedByDefault() {
    Response response =
        from(server, APP)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Private-Network", "true")
            .options("/items");
    assertThat(response.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(response);
  }
}
