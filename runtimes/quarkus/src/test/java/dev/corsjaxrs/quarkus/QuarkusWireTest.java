package dev.corsjaxrs.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.it.WireChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The servers run's wire checks on Quarkus REST, the module found with no registration code. */
@QuarkusTest
class QuarkusWireTest {

  static final String APP = "https://app.example.com";

  static String base() {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    return "http://localhost:" + port + "/api";
  }

  @Test
  void theWireChecksOfEveryServer() {
    WireChecks.checkTheWire(base());
  }

  /**
   * A path spelled otherwise than its {@code @Path} (an encoded letter) takes the policy of the
   * method Quarkus matched, which the module learns from the filter bound to that method: here the
   * {@code @CorsDisabled} DELETE, never the global policy the raw path would suggest.
   */
  @Test
  void theMatchedMethodsPolicyWhateverTheSpelling() {
    Response disabled =
        given().urlEncodingEnabled(false).header("Origin", APP).delete(base() + "/gr%65etings");
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(disabled.body().asString()).isEqualTo("deleted");
    assertThat(disabled.headers().getValues("Access-Control-Allow-Origin")).isEmpty();
    Response get =
        given().urlEncodingEnabled(false).header("Origin", APP).get(base() + "/gr%65etings");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
  }
}
