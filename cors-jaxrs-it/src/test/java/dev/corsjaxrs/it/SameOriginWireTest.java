package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The answer to a same-origin request from an allow-listed origin does not depend on what the
 * server answered before: on a fresh server, first or after a cross-origin request from that origin
 * has been answered (and its answer kept), it carries the same headers.
 */
class SameOriginWireTest {

  static final String APP = "https://app.example.com";

  /** The request's own origin, allowed by a pattern (any port on loopback). */
  static RequestSpecification ownOrigin(TestServer server) {
    return from(server, "http://127.0.0.1:" + server.port);
  }

  /** An exactly listed origin, marked same-origin by the browser. */
  static RequestSpecification markedSameOrigin(TestServer server) {
    return from(server, APP).header("Sec-Fetch-Site", "same-origin");
  }

  static RequestSpecification crossOrigin(TestServer server) {
    return from(server, APP);
  }

  @Test
  void sameOriginAnswersAreTheSameWhateverCameBefore() {
    List<Function<TestServer, RequestSpecification>> sameOrigin =
        List.of(SameOriginWireTest::ownOrigin, SameOriginWireTest::markedSameOrigin);
    for (Function<TestServer, RequestSpecification> request : sameOrigin) {
      List<String> answers = new ArrayList<>();
      for (boolean crossOriginFirst : new boolean[] {false, true}) {
        try (TestServer server =
            TestServer.start(
                Map.of("cors.allowed-origins", APP + ", http://127.0.0.1:*"),
                Resources.Items.class)) {
          if (crossOriginFirst) {
            crossOrigin(server).get("/items");
            ownOrigin(server).header("Sec-Fetch-Site", "cross-site").get("/items");
          }
          answers.add(corsHeaders(server, request.apply(server).get("/items")));
          crossOrigin(server).get("/items");
          answers.add(corsHeaders(server, request.apply(server).get("/items")));
        }
      }
      assertThat(answers).hasSize(4).containsOnly(answers.get(0));
      assertThat(answers.get(0)).contains("Access-Control-Allow-Origin=").contains("Vary=Origin");
    }
  }

  /** The CORS headers of an answer, the server's own port written as PORT. */
  private static String corsHeaders(TestServer server, Response response) {
    assertThat(response.statusCode()).isEqualTo(200);
    String answer =
        "Access-Control-Allow-Origin="
            + response.header("Access-Control-Allow-Origin")
            + " Vary="
            + response.header("Vary")
            + " count="
            + response.headers().getList("Access-Control-Allow-Origin").size();
    return answer.replace(":" + server.port, ":PORT");
  }
}
