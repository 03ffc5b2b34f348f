package dev.corsjaxrs.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.demo.DemoServer;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.Test;

/** The demo starts, prints its curl lines, and each line gets the answer the demo says. */
class DemoTest {

  @Test
  void everyPrintedRequestGetsTheAnnouncedAnswer() {
    HttpServer server = DemoServer.start(0);
    try {
      String base = DemoServer.base(server);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      DemoServer.printTour(new PrintStream(printed, true, StandardCharsets.UTF_8), base);
      String tour = printed.toString(StandardCharsets.UTF_8);
      for (DemoServer.Scenario scenario : DemoServer.SCENARIOS) {
        assertThat(tour).contains(scenario.curl(base));
        Response response =
            given().headers(scenario.headers()).request(scenario.method(), base + scenario.path());
        assertThat(response.statusCode()).as(scenario.what()).isEqualTo(scenario.status());
        if (scenario.status() == 403) {
          assertThat(response.headers().asList())
              .noneMatch(h -> h.getName().startsWith("Access-Control-"));
        } else {
          assertThat(response.header("Access-Control-Allow-Origin"))
              .as(scenario.what())
              .isNotNull();
        }
      }
      Response list = given().header("Origin", "http://localhost:8081").get(base + "/items");
      assertThat(list.header("Access-Control-Expose-Headers")).isEqualTo("X-Total-Count");
      assertThat(
              given()
                  .header("Origin", "https://anyone.example")
                  .get(base + "/public/status")
                  .header("Access-Control-Allow-Origin"))
          .isEqualTo("*");
    } finally {
      server.shutdownNow();
    }
  }
}
