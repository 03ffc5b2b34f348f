package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's logging recipe for plain java.util.logging, exactly as written there, in a JVM of its
 * own running this execution's runtime: a refused preflight prints its FINE line on standard error.
 * The JDK's defaults alone print none.
 */
class LoggingRecipeTest {

  static final String REFUSAL = "FINE: CORS refused preflight PUT /items/1: origin";

  /** The child JVM: one application on a free port, then waits; prints its port first. */
  public static final class Server {
    private Server() {}

    public static void main(String[] args) throws Exception {
      TestServer server =
          TestServer.start(
              Map.of("cors.allowed-origins", "https://app.example.com"), Resources.Items.class);
      System.out.println("PORT " + server.port);
      System.out.flush();
      Thread.currentThread().join();
    }
  }

  @Test
  void theRecipePrintsTheRefusalLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("logging.properties");
    Files.writeString(file, Readme.recipe("jul"));
    assertThat(refusalLines("-Djava.util.logging.config.file=" + file, 10))
        .anySatisfy(line -> assertThat(line).startsWith(REFUSAL));
  }

  @Test
  void theJdkDefaultsPrintNone() throws Exception {
    assertThat(refusalLines("-Ddev.corsjaxrs.unused=true", 1))
        .noneSatisfy(line -> assertThat(line).contains("CORS refused"));
  }

  /**
   * Starts the child with one JVM option, makes a refused preflight, waits up to {@code seconds}
   * for a refusal line and returns the child's stderr lines.
   */
  private static List<String> refusalLines(String option, int seconds) throws Exception {
    ChildJvm child = ChildJvm.start(Server.class, List.of(option), Map.of());
    try (child) {
      HttpResponse<String> refused =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + child.port + "/api/items/1"))
                      .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                      .header("Origin", "https://evil.example")
                      .header("Access-Control-Request-Method", "PUT")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(403);
      child.awaitError(line -> line.contains("CORS refused"), seconds);
    }
    return child.errors();
  }
}
