package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Another CORS layer is named at deployment, with what to turn off; none is found by default. */
class SecondLayersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''|''|''",
        "org.jboss.resteasy.plugins.interceptors.CorsFilter|''|''|RESTEasy's CorsFilter"
            + " (org.jboss.resteasy.plugins.interceptors.CorsFilter) is registered",
        "org.apache.cxf.rs.security.cors.CrossOriginResourceSharingFilter|''|''|CXF's"
            + " CrossOriginResourceSharingFilter",
        "''|quarkus.http.cors.enabled=true|''|''",
        "''|''|io.helidon.microprofile.cors.CorsCdiExtension|Helidon's CORS module"
            + " (io.helidon.microprofile:helidon-microprofile-cors) is on the class path",
        "com.example.CorsFilter|cors.enabled=true|io.helidon.Other|''",
      })
  void eachLayerIsNamed(String registered, String setting, String visible, String expected) {
    Map<String, String> config =
        setting.isEmpty()
            ? Map.of()
            : Map.of(
                setting.substring(0, setting.indexOf('=')),
                setting.substring(setting.indexOf('=') + 1));
    List<String> found =
        SecondLayers.detect(
            PolicyResolverTest.config(config),
            registered.isEmpty() ? Set.of() : Set.of(registered),
            visible::equals);
    if (expected.isEmpty()) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).singleElement().asString().startsWith(expected);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true|quarkus.http.cors.enabled=true|CORS module off: Quarkus's own CORS filter is on"
            + " (quarkus.http.cors.enabled=true)",
        "true|quarkus.http.cors= TRUE |CORS module off: Quarkus's own CORS filter is on"
            + " (quarkus.http.cors=true)",
        "true|quarkus.http.cors.enabled=false|''",
        "true|cors.enabled=true|''",
        // the key alone is not Quarkus: off Quarkus, nothing reads it
        "false|quarkus.http.cors.enabled=true|''",
      })
  void quarkusOwnCorsSendsTheModuleAside(boolean onQuarkus, String setting, String expected) {
    Map<String, String> config =
        Map.of(
            setting.substring(0, setting.indexOf('=')),
            setting.substring(setting.indexOf('=') + 1));
    Optional<String> aside =
        SecondLayers.quarkusCors(
            PolicyResolverTest.config(config),
            name -> onQuarkus && name.equals("io.quarkus.runtime.Quarkus"));
    if (expected.isEmpty()) {
      assertThat(aside).isEmpty();
    } else {
      assertThat(aside)
          .get()
          .asString()
          .startsWith(expected)
          .endsWith("=false to let cors-jaxrs answer with its policies");
    }
  }

  @ParameterizedTest
  @CsvSource({"java.lang.String, true", "io.helidon.microprofile.cors.CorsCdiExtension, false"})
  void visibilityIsAskedOfTheApplicationsClassLoader(String name, boolean visible) {
    assertThat(SecondLayers.visible(name)).isEqualTo(visible);
  }
}
