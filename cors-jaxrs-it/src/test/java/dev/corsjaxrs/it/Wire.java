package dev.corsjaxrs.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

  /** Sends raw request bytes and returns everything the server answers, until it closes. */
  static String raw(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        response.write(buffer, 0, n);
      }
      return response.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
