package dev.corsjaxrs.quarkus;

import dev.corsjaxrs.it.WireChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The servers run's wire checks on Quarkus REST, the module found with no registration code. */
@QuarkusTest
class QuarkusWireTest {

  static String base() {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    return "http://localhost:" + port + "/api";
  }

  @Test
  void theWireChecksOfEveryServer() {
    WireChecks.checkTheWire(base());
  }
}
