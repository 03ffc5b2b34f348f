package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.assertNoHeader;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsFeature;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registration, strict mode, proxies, private network, authentication: one server each. */
class ServerSetupTest {

  static final String APP = "https://app.example.com";

  @Test
  void explicitRegistrationAsWellAsDiscoveryWritesEachHeaderOnce() {
    // RESTEasy warns of the second registrations (RESTEASY002155 for the class, 002172 for the
    // instance): captured, not printed.
    try (LogCapture resteasy = LogCapture.of("org.jboss.resteasy");
        TestServer server =
            TestServer.start(
                Map.of("cors.allowed-origins", APP),
                Set.of(Resources.Items.class, CorsFeature.class),
                Set.of(new CorsFeature()))) {
      Response actual = from(server, APP).get("/items/varied");
      assertHeader(actual, "Access-Control-Allow-Origin", APP);
      assertHeader(actual, "Vary", "Accept, Origin");
      Response pre = preflight(server, APP, "/items/1", "PUT", "x-a");
      assertHeader(pre, "Access-Control-Allow-Origin", APP);
      assertHeader(pre, "Access-Control-Allow-Methods", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
      assertHeader(
          pre, "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
      assertThat(resteasy.aboveInfo())
          .allSatisfy(r -> assertThat(r.getMessage()).matches("RESTEASY0021(55|72): .*"));
    }
  }

  @Test
  void disabledModuleAddsNothing() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.enabled", "false", "cors.allowed-origins", APP), Resources.Items.class)) {
      Response actual = from(server, APP).get("/items");
      assertNoCorsHeaders(actual);
      assertNoHeader(actual, "Vary");
      Response pre = preflight(server, APP, "/items/1", "PUT");
      assertNoCorsHeaders(pre);
      assertHeader(pre, "X-Own-Options", "yes");
    }
  }

  @Test
  void strictModeRefusesDisallowedOriginsBeforeTheResourceRuns() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", APP, "cors.reject-disallowed", "true"),
            Resources.Items.class)) {
      int before = Resources.ITEM_CALLS.get();
      Response refused = from(server, "https://evil.example").post("/items");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertNoCorsHeaders(refused);
      assertHeader(refused, "Vary", "Origin");
      assertThat(Resources.ITEM_CALLS.get()).isEqualTo(before);
      Response bad = from(server, "https://evil.example/path").post("/items");
      assertThat(bad.statusCode()).isEqualTo(403);

      assertThat(from(server, APP).post("/items").statusCode()).isEqualTo(200);
      assertThat(from(server, "http://127.0.0.1:" + server.port).post("/items").statusCode())
          .isEqualTo(200);
      assertThat(from(server, null).post("/items").statusCode()).isEqualTo(200);
      assertThat(Resources.ITEM_CALLS.get()).isEqualTo(before + 3);
    }
  }

  @Test
  void allowMethodsNeverListsAMethodWhosePolicyRefusesTheRequest() {
    try (TestServer server =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                APP,
                "cors.allowed-methods",
                "GET, HEAD, POST, PUT, DELETE"),
            Resources.Partner.class,
            Resources.Items.class)) {
      // GET has the class policy, PUT a method policy, DELETE is @CorsDisabled.
      Response get = preflight(server, "https://partner.example.org", "/partner", "GET", "x-a");
      assertThat(get.statusCode()).isEqualTo(200);
      assertHeader(get, "Access-Control-Allow-Methods", "GET, HEAD");
      Response put = preflight(server, "https://admin.example.org", "/partner", "PUT", "x-token");
      assertThat(put.statusCode()).isEqualTo(200);
      assertHeader(put, "Access-Control-Allow-Methods", "PUT");
      assertThat(
              preflight(server, "https://partner.example.org", "/partner", "DELETE").statusCode())
          .isEqualTo(403);
      // Where every method of a path shares the policy, the configured list stands.
      Response item = preflight(server, APP, "/items/1", "PUT");
      assertHeader(item, "Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE");
    }
  }

  @Test
  void forwardedHeadersCountOnlyWhenTrusted() {
    String publicOrigin = "https://api.example.com";
    try (TestServer trusting =
        TestServer.start(
            Map.of("cors.reject-disallowed", "true", "cors.trust-forwarded-headers", "true"),
            Resources.Items.class)) {
      assertThat(
              from(trusting, publicOrigin)
                  .header("X-Forwarded-Proto", "https")
                  .header("X-Forwarded-Host", "api.example.com")
                  .get("/items")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              from(trusting, publicOrigin)
                  .header("Forwarded", "for=1.2.3.4;proto=https;host=api.example.com")
                  .get("/items")
                  .statusCode())
          .isEqualTo(200);
      assertThat(from(trusting, publicOrigin).get("/items").statusCode()).isEqualTo(403);
    }
    try (TestServer distrusting =
        TestServer.start(Map.of("cors.reject-disallowed", "true"), Resources.Items.class)) {
      assertThat(
              from(distrusting, publicOrigin)
                  .header("X-Forwarded-Proto", "https")
                  .header("X-Forwarded-Host", "api.example.com")
                  .get("/items")
                  .statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void privateNetworkPreflightIsAnsweredWhereAllowed() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", APP, "cors.allow-private-network", "true"),
            Resources.Items.class)) {
      Response response =
          from(server, APP)
              .header("Access-Control-Request-Method", "GET")
              .header("Access-Control-Request-Private-Network", "true")
              .options("/items");
      assertThat(response.statusCode()).isEqualTo(200);
      assertHeader(response, "Access-Control-Allow-Private-Network", "true");
      assertHeader(
          response,
          "Vary",
          "Origin, Access-Control-Request-Method, Access-Control-Request-Headers,"
              + " Access-Control-Request-Private-Network");
    }
  }

  @Test
  void preflightsAreAnsweredBeforeTheApplicationsAuthentication() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", APP, "cors.allow-credentials", "true"),
            Resources.Items.class,
            AuthFilter.class)) {
      Response pre = preflight(server, APP, "/items/1", "PUT", "authorization");
      assertThat(pre.statusCode()).isEqualTo(200);
      assertHeader(pre, "Access-Control-Allow-Origin", APP);
      assertHeader(pre, "Access-Control-Allow-Credentials", "true");
      assertHeader(pre, "Access-Control-Allow-Headers", "authorization");
      Response actual = from(server, APP).put("/items/1");
      assertThat(actual.statusCode()).isEqualTo(401);
      assertHeader(actual, "Access-Control-Allow-Origin", APP);
      assertHeader(actual, "Access-Control-Allow-Credentials", "true");
    }
  }

  @Test
  void requestsOutsideAnyResourceUseGetHeadPostByDefault() {
    try (TestServer server =
        TestServer.start(Map.of("cors.allowed-origins", APP), Resources.Items.class)) {
      Response pre = preflight(server, APP, "/unknown", "POST", "x-a");
      assertThat(pre.statusCode()).isEqualTo(200);
      assertHeader(pre, "Access-Control-Allow-Methods", "GET, HEAD, POST");
      assertThat(preflight(server, APP, "/unknown", "PUT").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void mappedExceptionsCarryTheHeadersUnmappedOnesAreTheContainers() throws InterruptedException {
    try (TestServer mapped =
        TestServer.start(
            Map.of("cors.allowed-origins", APP), Resources.Items.class, IllegalStateMapper.class)) {
      Response response = from(mapped, APP).get("/items/broken");
      assertThat(response.statusCode()).isEqualTo(500);
      assertHeader(response, "Access-Control-Allow-Origin", APP);
      assertHeader(response, "Vary", "Origin");
    }
    try (TestServer unmapped =
            TestServer.start(Map.of("cors.allowed-origins", APP), Resources.Items.class);
        LogCapture runtime =
            LogCapture.of(
                "org.glassfish.jersey.server",
                "org.jboss.resteasy",
                "org.apache.cxf",
                "io.undertow")) {
      Response response = from(unmapped, APP).get("/items/broken");
      assertThat(response.statusCode()).isEqualTo(500);
      if (TestServer.RUNTIME.equals("resteasy")) {
        // RESTEasy turns an unmapped exception into its own 500, filters that response, and
        // logs the exception at ERROR (kept off the build log here).
        assertHeader(response, "Access-Control-Allow-Origin", APP);
      } else {
        // Jersey and CXF hand it to the container, which writes a 500 that no filter sees.
        assertNoCorsHeaders(response);
      }
      // Each runtime logs the exception above INFO (kept off the build log here), Jersey at
      // times after the response.
      for (int i = 0; i < 100 && runtime.aboveInfo().isEmpty(); i++) {
        Thread.sleep(20);
      }
      assertThat(runtime.aboveInfo())
          .anySatisfy(r -> assertThat(r.getThrown()).hasMessage("unmapped"));
    }
  }

  @Test
  void exposeAllWithCredentialsListsTheResponsesOwnHeaderNames() {
    try (TestServer server =
        TestServer.start(
            Map.of(
                "cors.allowed-origins", APP,
                "cors.allow-credentials", "true",
                "cors.exposed-headers", "*"),
            Resources.Items.class)) {
      Response response = from(server, APP).delete("/items/5");
      assertThat(response.statusCode()).isEqualTo(204);
      assertHeader(response, "Access-Control-Expose-Headers", TestServer.exposedNames("X-Deleted"));
    }
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", APP, "cors.exposed-headers", "*"),
            Resources.Items.class)) {
      assertHeader(from(server, APP).delete("/items/5"), "Access-Control-Expose-Headers", "*");
    }
  }
}
