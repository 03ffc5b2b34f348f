package dev.corsjaxrs.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Locale;

/** Small helpers that send requests and assert headers exactly, counting their lines. */
final class Wire {

  private Wire() {}

  static RequestSpecification from(TestServer server, String origin) {
    RequestSpecification spec = given().baseUri(server.baseUri).redirects().follow(false);
    return origin == null ? spec : spec.header("Origin", origin);
  }

  static Response preflight(TestServer server, String origin, String path, String method) {
    return from(server, origin)
        .header("Access-Control-Request-Method", method)
        .when()
        .options(path);
  }

  static Response preflight(
      TestServer server, String origin, String path, String method, String requestHeaders) {
    return from(server, origin)
        .header("Access-Control-Request-Method", method)
        .header("Access-Control-Request-Headers", requestHeaders)
        .when()
        .options(path);
  }

  /** Asserts that a header appears exactly once, with exactly this value. */
  static void assertHeader(Response response, String name, String value) {
    assertThat(response.headers().getValues(name))
        .as("header %s of %s", name, response.statusLine())
        .containsExactly(value);
  }

  /** Asserts that a header is absent. */
  static void assertNoHeader(Response response, String name) {
    assertThat(response.headers().getValues(name)).as("header %s", name).isEmpty();
  }

  /** Asserts that no Access-Control-* header at all is present. */
  static void assertNoCorsHeaders(Response response) {
    assertThat(response.headers().asList())
        .as("CORS headers of %s", response.statusLine())
        .noneMatch(h -> h.getName().toLowerCase(Locale.ROOT).startsWith("access-control-"));
  }
}
