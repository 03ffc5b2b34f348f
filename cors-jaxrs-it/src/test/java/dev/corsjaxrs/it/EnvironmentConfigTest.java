package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Configuration through environment variables (API.md v1.3), in a JVM of its own whose environment
 * carries them, as in a container: {@code CORS_ALLOWED_ORIGINS} and a named policy defined by
 * variables alone work; a variable of another tool ({@code CORS_SOMETHING_ELSE}, {@code
 * CORS_KIT_DIR}) is ignored; a near miss ({@code CORS_ALLOWED_ORIGIN}) gets one WARNING naming it.
 */
class EnvironmentConfigTest {

  static final String APP = "https://env.example.com"; // in no properties file
  static final String ADMIN = "https://admin.example.org";

  /** The child JVM: one application configured by its environment; prints its port first. */
  public static final class Server {
    private Server() {}

    public static void main(String[] args) throws Exception {
      TestServer server =
          TestServer.startWithEnvironment(
              Map.of(), Resources.Items.class, NamedPolicyPathWireTest.Users.class);
      System.out.println("PORT " + server.port);
      System.out.flush();
      Thread.currentThread().join();
    }
  }

  static HttpResponse<String> send(int port, String method, String path, String origin)
      throws Exception {
    // a client per request: an unread body left by a 403 is the runtime's to skip, not this test's
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api" + path))
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("x"))
            .header("Origin", origin)
            .header("Content-Type", "text/plain")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void environmentVariablesConfigureTheDeploymentAndOtherToolsVariablesAreIgnored()
      throws Exception {
    Map<String, String> environment =
        Map.of(
            "CORS_ALLOWED_ORIGINS", APP,
            "CORS_POLICY_ADMIN_ALLOWED_ORIGINS", ADMIN,
            "CORS_POLICY_ADMIN_PATHS", "/users/*",
            "CORS_POLICY_ADMIN_REJECT_DISALLOWED", "true",
            "CORS_SOMETHING_ELSE", "a value of another tool",
            "CORS_KIT_DIR", "/tmp/kit",
            "CORS_ALLOWED_ORIGIN", "https://typo.example");
    ChildJvm child = ChildJvm.start(Server.class, List.of(), environment);
    try (child) {
      HttpResponse<String> global = send(child.port, "GET", "/items", APP);
      assertThat(global.statusCode()).as("stderr: %s", child.errors()).isEqualTo(200);
      assertThat(global.headers().allValues("Access-Control-Allow-Origin")).containsExactly(APP);

      HttpResponse<String> refused = send(child.port, "PUT", "/users/1", APP);
      assertThat(refused.statusCode()).as("the admin policy's strict mode").isEqualTo(403);
      HttpResponse<String> admin = send(child.port, "PUT", "/users/1", ADMIN);
      assertThat(admin.statusCode()).isEqualTo(200);
      assertThat(admin.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ADMIN);
    }
    List<String> errors = child.errors();
    assertThat(errors)
        .filteredOn(line -> line.startsWith("WARNING") || line.startsWith("SEVERE"))
        .singleElement()
        .asString()
        .contains("CORS_ALLOWED_ORIGIN ")
        .contains("CORS_ALLOWED_ORIGINS");
    assertThat(errors).noneMatch(line -> line.contains("CORS_SOMETHING_ELSE"));
    assertThat(errors).noneMatch(line -> line.contains("CORS_KIT_DIR"));
  }
}
