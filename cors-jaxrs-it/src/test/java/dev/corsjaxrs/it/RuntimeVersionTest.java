package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The Jersey 3.1 execution really runs on Jersey 3.1 and Jakarta REST 3.1 (Jakarta EE 10). */
@EnabledIfSystemProperty(named = "it.jersey.version", matches = ".+")
class RuntimeVersionTest {

  @Test
  void runsOnTheJerseyAndJakartaRestVersionsItNames() throws ClassNotFoundException {
    String jersey = System.getProperty("it.jersey.version");
    String api = System.getProperty("it.rest.api.version");
    assertThat(jarOf("org.glassfish.jersey.server.ResourceConfig"))
        .endsWith("jersey-server-" + jersey + ".jar");
    assertThat(jarOf("jakarta.ws.rs.core.Application"))
        .endsWith("jakarta.ws.rs-api-" + api + ".jar");
  }

  private static String jarOf(String className) throws ClassNotFoundException {
    return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}
