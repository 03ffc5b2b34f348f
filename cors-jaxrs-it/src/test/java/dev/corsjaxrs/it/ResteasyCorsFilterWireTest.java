package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.from;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.logging.SimpleFormatter;
import org.jboss.resteasy.plugins.interceptors.CorsFilter;
import org.junit.jupiter.api.Test;

/**
 * RESTEasy's own {@code CorsFilter} registered beside the module (allowing every origin): named in
 * a WARNING at deployment, and every response carries the module's answer alone. RESTEasy execution
 * only (excluded from the Jersey ones in the POM).
 */
class ResteasyCorsFilterWireTest {

  static final String APP = "https://app.example.com";

  @Test
  void resteasysFilterIsNamedAndNeverDoublesAHeader() {
    CorsFilter resteasyCors = new CorsFilter();
    resteasyCors.getAllowedOrigins().add("*");
    resteasyCors.setAllowCredentials(true);
    try (LogCapture log = LogCapture.of("dev.corsjaxrs");
        TestServer server =
            TestServer.start(
                Map.of("cors.allowed-origins", APP),
                Set.of(Resources.Items.class),
                Set.of(resteasyCors))) {
      assertThat(log.aboveInfo())
          .anySatisfy(
              r ->
                  assertThat(new SimpleFormatter().formatMessage(r))
                      .startsWith(
                          "CORS: RESTEasy's CorsFilter"
                              + " (org.jboss.resteasy.plugins.interceptors.CorsFilter) is"
                              + " registered in this application beside cors-jaxrs"));
      assertHeader(from(server, APP).get("/items"), "Access-Control-Allow-Origin", APP);
      assertNoCorsHeaders(from(server, "https://evil.example").get("/items"));
      assertThat(from(server, "https://evil.example").get("/items").statusCode()).isEqualTo(200);
    }
  }
}
