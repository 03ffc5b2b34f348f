package dev.corsjaxrs.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/**
 * The wire checks run against the application of {@code dev.corsjaxrs.it.war} on every server and
 * runtime that deploys it as a user would (the servers run, Quarkus REST, Helidon MP), with the
 * configuration of {@code src/test/war/microprofile-config.properties}.
 */
public final class WireChecks {

  static final String APP = "https://app.example.com";
  static final String PV = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private WireChecks() {}

  /**
   * The same checks on every server: {@code /greetings} under the global policy with one method
   * annotated for another origin and one {@code @CorsDisabled}, an error response, and {@code
   * /tenants} under an origin check that asks a CDI bean.
   *
   * @param base the application's base URI, without a trailing slash
   */
  public static void checkTheWire(String base) {
    Response preflight =
        given()
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "x-token")
            .options(base + "/greetings");
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(preflight.headers().getValues("Access-Control-Allow-Methods"))
        .containsExactly("GET, HEAD");
    assertThat(preflight.headers().getValues("Access-Control-Allow-Headers")).containsExactly("*");
    assertThat(preflight.headers().getValues("Access-Control-Max-Age")).containsExactly("600");
    assertThat(preflight.headers().getValues("Vary")).containsExactly(PV);

    Response admin =
        given()
            .header("Origin", "https://admin.example.org")
            .header("Access-Control-Request-Method", "PUT")
            .options(base + "/greetings");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.headers().getValues("Access-Control-Allow-Methods")).containsExactly("PUT");
    Response refused =
        given()
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "PUT")
            .options(base + "/greetings");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    Response disabled =
        given()
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "DELETE")
            .options(base + "/greetings");
    assertThat(disabled.statusCode()).isEqualTo(403);

    Response actual = given().header("Origin", APP).get(base + "/greetings");
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(actual.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(actual.headers().getValues("Access-Control-Expose-Headers"))
        .containsExactly("X-Count");
    assertThat(actual.headers().getValues("Vary")).containsExactly("Origin");
    Response evil = given().header("Origin", "https://evil.example").get(base + "/greetings");
    assertThat(evil.statusCode()).isEqualTo(200);
    assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
    Response secret = given().header("Origin", APP).get(base + "/greetings/secret");
    assertThat(secret.statusCode()).isEqualTo(401);
    assertThat(secret.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    Response plainOptions = given().header("Origin", APP).options(base + "/greetings");
    assertThat(plainOptions.header("Access-Control-Allow-Methods")).isNull();

    // The CDI origin check, which asks the injected tenant registry.
    String tenant = "https://shop.tenant.example";
    Response tenantGet = given().header("Origin", tenant).get(base + "/tenants");
    assertThat(tenantGet.statusCode()).isEqualTo(200);
    assertThat(tenantGet.headers().getValues("Access-Control-Allow-Origin"))
        .containsExactly(tenant);
    assertThat(tenantGet.headers().getValues("Vary")).containsExactly("Origin");
    Response tenantPreflight =
        given()
            .header("Origin", tenant)
            .header("Access-Control-Request-Method", "PUT")
            .options(base + "/tenants");
    assertThat(tenantPreflight.statusCode()).isEqualTo(200);
    assertThat(tenantPreflight.headers().getValues("Access-Control-Allow-Origin"))
        .containsExactly(tenant);
    Response stranger =
        given().header("Origin", "https://other.tenant.example").get(base + "/tenants");
    assertThat(stranger.statusCode()).isEqualTo(200);
    assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
    Response strangerPreflight =
        given()
            .header("Origin", "https://other.tenant.example")
            .header("Access-Control-Request-Method", "PUT")
            .options(base + "/tenants");
    assertThat(strangerPreflight.statusCode()).isEqualTo(403);
    Response listedThere = given().header("Origin", APP).get(base + "/tenants");
    assertThat(listedThere.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
  }

  /**
   * Strict mode ({@code cors.reject-disallowed=true}): what a disallowed origin sends never reaches
   * the resource, what an allowed one sends does.
   *
   * @param base the application's base URI, without a trailing slash
   */
  public static void checkStrictMode(String base) {
    Response evil = given().header("Origin", "https://evil.example").get(base + "/greetings");
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.header("Access-Control-Allow-Origin")).isNull();
    Response evilPut =
        given().header("Origin", "https://evil.example").body("x").put(base + "/greetings");
    assertThat(evilPut.statusCode()).isEqualTo(403);
    // Allowed elsewhere, not on this method: the annotation names only the admin front end.
    Response appPut = given().header("Origin", APP).body("x").put(base + "/greetings");
    assertThat(appPut.statusCode()).isEqualTo(403);
    Response adminPut =
        given().header("Origin", "https://admin.example.org").body("new").put(base + "/greetings");
    assertThat(adminPut.statusCode()).isEqualTo(200);
    assertThat(adminPut.body().asString()).isEqualTo("new");
    assertThat(adminPut.headers().getValues("Access-Control-Allow-Origin"))
        .containsExactly("https://admin.example.org");
    Response disabled = given().header("Origin", APP).delete(base + "/greetings");
    assertThat(disabled.statusCode()).isEqualTo(403);
    Response crossSiteWithoutOrigin =
        given().header("Sec-Fetch-Site", "cross-site").body("x").put(base + "/greetings");
    assertThat(crossSiteWithoutOrigin.statusCode()).isEqualTo(403);
    Response notABrowser = given().body("y").put(base + "/greetings");
    assertThat(notABrowser.statusCode()).isEqualTo(200);
    Response app = given().header("Origin", APP).get(base + "/greetings");
    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    Response tenant =
        given().header("Origin", "https://shop.tenant.example").get(base + "/tenants");
    assertThat(tenant.statusCode()).isEqualTo(200);
    Response stranger =
        given().header("Origin", "https://other.tenant.example").get(base + "/tenants");
    assertThat(stranger.statusCode()).isEqualTo(403);
  }
}
