package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-Dit.runtime=" + TestServer.RUNTIME,
            "-cp",
            System.getProperty("java.class.path"),
            Server.class.getName());
    Map<String, String> environment = builder.environment();
    environment.put("CORS_ALLOWED_ORIGINS", APP);
    environment.put("CORS_POLICY_ADMIN_ALLOWED_ORIGINS", ADMIN);
    environment.put("CORS_POLICY_ADMIN_PATHS", "/users/*");
    environment.put("CORS_POLICY_ADMIN_REJECT_DISALLOWED", "true");
    environment.put("CORS_SOMETHING_ELSE", "a value of another tool");
    environment.put("CORS_KIT_DIR", "/tmp/kit");
    environment.put("CORS_ALLOWED_ORIGIN", "https://typo.example");
    Process child = builder.start();
    List<String> errors = new ArrayList<>();
    CompletableFuture<Void> stderr =
        CompletableFuture.runAsync(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (errors) {
                    errors.add(line);
                  }
                }
              } catch (java.io.IOException e) {
                // the child is gone
              }
            });
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as("the child's first line (stderr: %s)", errors).startsWith("PORT ");
      int port = Integer.parseInt(first.substring(5).strip());

      HttpResponse<String> global = send(port, "GET", "/items", APP);
      assertThat(global.statusCode()).as("stderr: %s", errors).isEqualTo(200);
      assertThat(global.headers().allValues("Access-Control-Allow-Origin")).containsExactly(APP);

      HttpResponse<String> refused = send(port, "PUT", "/users/1", APP);
      assertThat(refused.statusCode()).as("the admin policy's strict mode").isEqualTo(403);
      HttpResponse<String> admin = send(port, "PUT", "/users/1", ADMIN);
      assertThat(admin.statusCode())
          .as("%s %s stderr: %s", admin.headers().map(), admin.body(), errors)
          .isEqualTo(200);
      assertThat(admin.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ADMIN);
    } finally {
      child.destroy();
      child.waitFor(10, TimeUnit.SECONDS);
      stderr.get(10, TimeUnit.SECONDS);
    }
    synchronized (errors) {
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
}
