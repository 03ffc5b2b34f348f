package dev.corsjaxrs.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quarkus's own CORS filter on as well ({@code quarkus.http.cors.enabled=true}): it answers every
 * preflight before Jakarta REST and writes where the module cannot see, so the module stands aside
 * with one WARNING, and no response carries two {@code Access-Control-Allow-Origin} headers.
 */
@QuarkusTest
@TestProfile(QuarkusSecondLayerTest.QuarkusCors.class)
class QuarkusSecondLayerTest {

  /** The application's configuration with Quarkus's CORS filter on. */
  public static class QuarkusCors implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.cors.enabled", "true",
          "quarkus.http.cors.origins", "https://app.example.com",
          // unset: beside Quarkus's filter the host check would vanish, which fails the deployment
          // (QuarkusCorsBesideStrictModeTest)
          "cors.allowed-hosts", "",
          // the warning goes to ModuleLog only: asserted, not printed
          "quarkus.log.category.\"dev.corsjaxrs\".use-parent-handlers", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ModuleLog.class));
    }
  }

  @Test
  void theModuleStandsAsideWithOneWarning() throws IOException {
    String base = QuarkusWireTest.base();
    List<Response> responses =
        List.of(
            given().header("Origin", "https://app.example.com").get(base + "/greetings"),
            given().header("Origin", "https://evil.example").get(base + "/greetings"),
            given()
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PUT")
                .options(base + "/greetings"));
    for (Response response : responses) {
      assertThat(response.headers().asList())
          .extracting(Header::getName)
          .filteredOn(name -> name.equalsIgnoreCase("Access-Control-Allow-Origin"))
          .hasSizeLessThanOrEqualTo(1);
      assertThat(response.headers().asList())
          .extracting(Header::getName)
          .filteredOn(name -> name.equalsIgnoreCase("Vary"))
          .hasSizeLessThanOrEqualTo(1);
    }
    // Quarkus's answer alone: its own origin list, not the module's.
    assertThat(responses.get(0).header("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.com");
    assertThat(responses.get(1).header("Access-Control-Allow-Origin")).isNull();
    assertThat(Files.readAllLines(ModuleLog.FILE, StandardCharsets.UTF_8))
        .singleElement()
        .asString()
        .startsWith("WARN CORS module off") // JBoss LogManager's name for WARNING
        .contains(
            "CORS module off: Quarkus's own CORS filter is on (quarkus.http.cors.enabled=true)",
            "set quarkus.http.cors.enabled=false to let cors-jaxrs answer with its policies");
  }
}
