package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quick start's application answers CORS as its configuration and annotation say. */
class MainTest {

  static HttpServer server;
  static String base;

  @BeforeAll
  static void start() {
    server = Main.start(0);
    base = "http://localhost:" + server.getListeners().iterator().next().getPort() + "/api";
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  static HttpResponse<String> send(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theConfiguredOriginMayReadItems() throws Exception {
    HttpResponse<String> response = send("GET", "/items", "Origin", "https://app.example.com");
    assertEquals(200, response.statusCode());
    assertEquals(
        Optional.of("https://app.example.com"),
        response.headers().firstValue("Access-Control-Allow-Origin"));
  }

  @Test
  void anotherOriginGetsNoHeader() throws Exception {
    HttpResponse<String> response = send("GET", "/items", "Origin", "https://evil.example");
    assertEquals(Optional.empty(), response.headers().firstValue("Access-Control-Allow-Origin"));
  }

  @Test
  void onlyTheAnnotatedOriginMayDelete() throws Exception {
    String[] preflight = {"Access-Control-Request-Method", "DELETE", "Origin"};
    HttpResponse<String> admin =
        send("OPTIONS", "/items/1", append(preflight, "https://admin.example.com"));
    assertEquals(200, admin.statusCode());
    assertEquals(
        Optional.of("DELETE"), admin.headers().firstValue("Access-Control-Allow-Methods"));
    HttpResponse<String> app =
        send("OPTIONS", "/items/1", append(preflight, "https://app.example.com"));
    assertEquals(403, app.statusCode());
  }

  static String[] append(String[] headers, String last) {
    String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
    all[headers.length] = last;
    return all;
  }
}
