package dev.corsjaxrs.quarkus;

import dev.corsjaxrs.it.WireChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strict mode on Quarkus REST: refused before the resource method runs. */
@QuarkusTest
@TestProfile(QuarkusStrictModeTest.Strict.class)
class QuarkusStrictModeTest {

  /** The application's configuration with {@code cors.reject-disallowed=true}. */
  public static class Strict implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("cors.reject-disallowed", "true");
    }
  }

  @Test
  void whatADisallowedOriginSendsNeverRuns() {
    WireChecks.checkStrictMode(QuarkusWireTest.base());
  }
}
