package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A named policy's {@code paths} are request paths (API.md v1.3): {@code /users/me} takes the
 * policy {@code me} though {@code @Path("users/{id}")} serves it, and so does every spelling the
 * runtime decodes to that path; a template never chooses a named policy.
 */
class NamedPolicyPathWireTest {

  static final String APP = "https://app.example.com";
  static final String ADMIN = "https://admin.example.org";

  static final AtomicInteger CALLS = new AtomicInteger();

  /** Users, one of whom is the caller. */
  @Path("users")
  public static class Users {
    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
      CALLS.incrementAndGet();
      return id;
    }

    @PUT
    @Path("{id}")
    public String put(@PathParam("id") String id, String body) {
      CALLS.incrementAndGet();
      return id;
    }
  }

  /** Orders of a tenant. */
  @Path("{tenant}/orders")
  public static class Orders {
    @POST
    public String create(@PathParam("tenant") String tenant, String body) {
      CALLS.incrementAndGet();
      return tenant;
    }
  }

  static TestServer server;
  static String startupMap;

  @BeforeAll
  static void start() {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs")) {
      server =
          TestServer.start(
              Map.of(
                  "cors.allowed-origins", APP,
                  "cors.policy.me.paths", "/users/me",
                  "cors.policy.me.allowed-origins", ADMIN,
                  "cors.policy.me.reject-disallowed", "true",
                  "cors.policy.tenant.paths", "/acme/*",
                  "cors.policy.tenant.allowed-origins", ADMIN,
                  "cors.policy.tenant.reject-disallowed", "true"),
              Users.class,
              Orders.class);
      server.startupMapWritten();
      SimpleFormatter formatter = new SimpleFormatter();
      StringBuilder text = new StringBuilder();
      for (LogRecord record : log.records) {
        text.append(formatter.formatMessage(record)).append('\n');
      }
      startupMap = text.toString();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A request whose path is sent as written, its escapes included. */
  static RequestSpecification from(String origin) {
    return Wire.from(server, origin).urlEncodingEnabled(false);
  }

  static Response put(String origin, String path) {
    return from(origin).body("x").contentType("text/plain").put(path);
  }

  static Response post(String origin, String path) {
    return from(origin).body("x").contentType("text/plain").post(path);
  }

  static Response preflight(String origin, String path, String method) {
    return from(origin).header("Access-Control-Request-Method", method).options(path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/users/me", "/users/m%65", "/users/%6D%65", "/users/me/"})
  void theNamedPolicyOfTheRequestPathRefusesWhatTheGlobalOneAllows(String path) {
    int before = CALLS.get();
    Response refused = put(APP, path);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
    assertThat(CALLS.get()).as("the resource never ran").isEqualTo(before);

    Response allowed = put(ADMIN, path);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertHeader(allowed, "Access-Control-Allow-Origin", ADMIN);
    assertThat(allowed.body().asString()).isEqualTo("me");

    Response refusedPreflight = preflight(APP, path, "PUT");
    assertThat(refusedPreflight.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refusedPreflight);
    Response preflight = preflight(ADMIN, path, "PUT");
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertHeader(preflight, "Access-Control-Allow-Origin", ADMIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/acme/orders", "/%61cme/orders", "/ac%6De/orders", "/acme/orders/"})
  void aTenantPathTakesItsNamedPolicyThoughATemplateServesIt(String path) {
    int before = CALLS.get();
    Response refused = post(APP, path);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
    assertThat(CALLS.get()).as("the resource never ran").isEqualTo(before);

    Response allowed = post(ADMIN, path);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertHeader(allowed, "Access-Control-Allow-Origin", ADMIN);
    assertThat(allowed.body().asString()).isEqualTo("acme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/users/42", "/globex/orders"})
  void otherPathsOfTheSameMethodsKeepTheGlobalPolicy(String path) {
    Response allowed = path.startsWith("/users") ? put(APP, path) : post(APP, path);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertHeader(allowed, "Access-Control-Allow-Origin", APP);
    Response notListed = path.startsWith("/users") ? put(ADMIN, path) : post(ADMIN, path);
    assertThat(notListed.statusCode()).as("not strict there").isEqualTo(200);
    Wire.assertNoHeader(notListed, "Access-Control-Allow-Origin");
  }

  @org.junit.jupiter.api.Test
  void theStartupMapNamesThePolicyEachNamedPathTakes() {
    assertThat(startupMap)
        .containsPattern("CORS /users/\\{id} \\[[A-Z, ]*PUT[A-Z, ]*] where cors.policy.me.paths")
        .containsPattern("CORS /\\{tenant}/orders \\[POST] where cors.policy.tenant.paths")
        .doesNotContain("/{tenant}/orders [POST] where cors.policy.me");
  }
}
