package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.jaxrs.MethodBinder;
import dev.corsjaxrs.jaxrs.ScannedCorsFeature;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a server that scans the application's jars for {@code @Provider} classes (GlassFish, Payara,
 * WildFly, Open Liberty) registers besides the services file's {@code CorsFeature}: the jar's
 * {@link ScannedCorsFeature} and {@link MethodBinder}, found by Quarkus REST. The module is
 * registered once and answers as usual: each header once, each method's policy, nothing logged
 * above INFO.
 */
class ScanningDiscoveryWireTest {

  static final String APP = "https://app.example.com";
  static final String PARTNER = "https://partner.example.org";

  @Test
  void theScannedProvidersBesideTheServicesFileChangeNothing() {
    try (LogCapture log =
            LogCapture.of(
                "dev.corsjaxrs", "org.jboss.resteasy", "org.glassfish", "org.apache.cxf");
        TestServer server =
            TestServer.start(
                Map.of("cors.allowed-origins", APP),
                ScannedCorsFeature.class,
                MethodBinder.class,
                Resources.Items.class,
                Resources.Partner.class)) {
      server.startupMapWritten();
      Response items = from(server, APP).get("/items");
      assertHeader(items, "Access-Control-Allow-Origin", APP);
      assertHeader(items, "Vary", "Origin");
      Response partner = from(server, PARTNER).get("/partner");
      assertHeader(partner, "Access-Control-Allow-Origin", PARTNER);
      assertHeader(partner, "Access-Control-Allow-Credentials", "true");
      Response update = preflight(server, "https://admin.example.org", "/partner", "PUT");
      assertThat(update.statusCode()).isEqualTo(200);
      assertHeader(update, "Access-Control-Allow-Methods", "PUT");
      assertThat(preflight(server, PARTNER, "/partner", "DELETE").statusCode()).isEqualTo(403);
      Response delete = from(server, PARTNER).delete("/partner");
      assertThat(delete.statusCode()).isEqualTo(200);
      assertNoCorsHeaders(delete);
      assertThat(log.aboveInfo()).isEmpty();
    }
  }

  /**
   * Turned off, the module says so once, however many of its features the runtime found (twice on
   * CXF).
   */
  @Test
  void turnedOffItSaysSoOnce() {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs");
        TestServer server =
            TestServer.start(
                Map.of("cors.enabled", "false", "cors.allowed-origins", APP),
                ScannedCorsFeature.class,
                MethodBinder.class,
                Resources.Items.class)) {
      assertNoCorsHeaders(from(server, APP).get("/items"));
      // CXF gives each feature a configuration of its own: what the first sets, the second does not
      // see, so each says it (where the module is on, CXF keeps one provider of each class).
      assertThat(log.records)
          .filteredOn(r -> r.getMessage().startsWith("CORS module turned off"))
          .hasSize(TestServer.RUNTIME.equals("cxf") ? 2 : 1);
    }
  }
}
