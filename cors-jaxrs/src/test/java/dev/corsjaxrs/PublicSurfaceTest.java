package dev.corsjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only {@code dev.corsjaxrs} is API. A type of the inside packages is public only where another
 * package of the module calls it; this list names each, so that a new one is a decision, not an
 * accident.
 */
class PublicSurfaceTest {

  static final List<String> API =
      List.of(
          "dev.corsjaxrs.CorsAllowed",
          "dev.corsjaxrs.CorsDisabled",
          "dev.corsjaxrs.CorsFeature",
          "dev.corsjaxrs.CorsOriginCheck",
          "dev.corsjaxrs.InvalidCorsConfigurationException");

  /** Public across the inside packages, each with the reason. */
  static final List<String> INSIDE =
      List.of(
          "dev.corsjaxrs.config.Deployments", // both doors share the application's deployment
          "dev.corsjaxrs.core.AllowedHosts", // config compiles cors.allowed-hosts
          "dev.corsjaxrs.config.PolicyResolver", // jaxrs, and cors-jaxrs-servlet, build policies
          "dev.corsjaxrs.config.ResourceHop", // jaxrs hands the way to a method to config
          "dev.corsjaxrs.config.ResourcePolicy", // a method's policies, chosen by request path
          "dev.corsjaxrs.config.SecondLayers", // CorsFeature looks for other CORS layers
          "dev.corsjaxrs.core.CorsDecision", // the doors carry a decision
          "dev.corsjaxrs.core.CorsExchange", // each door implements it
          "dev.corsjaxrs.core.CorsHeaders", // header names
          "dev.corsjaxrs.core.CorsPolicy", // config builds, the doors pick
          "dev.corsjaxrs.core.CorsProtocol", // each door runs it
          "dev.corsjaxrs.core.CorsRequest", // the decision benchmark asks the core directly
          "dev.corsjaxrs.core.ExposedHeaders", // both doors list header names
          "dev.corsjaxrs.core.Origin", // config validates origins
          "dev.corsjaxrs.core.OriginMatcher", // config compiles lists
          "dev.corsjaxrs.core.OwnOrigin", // both doors tell their own origin
          "dev.corsjaxrs.core.PolicyBuilder", // config builds policies
          "dev.corsjaxrs.core.PolicyCatalog", // config owns the deployment's catalog
          "dev.corsjaxrs.core.Refusal", // a decision's reason
          "dev.corsjaxrs.core.RequestCounter", // config counts on OpenTelemetry
          "dev.corsjaxrs.jaxrs.CorsProviders", // CorsFeature registers them
          "dev.corsjaxrs.jaxrs.CorsRequestFilter", // providers the runtimes instantiate
          "dev.corsjaxrs.jaxrs.CorsResponseFilter",
          "dev.corsjaxrs.jaxrs.MethodBinder", // found by @Provider scanning (Quarkus REST)
          "dev.corsjaxrs.jaxrs.ResourceCollector",
          "dev.corsjaxrs.jaxrs.ScannedCorsFeature"); // found by @Provider scanning (Quarkus REST)

  @Test
  void onlyTheListedTypesArePublic() throws IOException {
    Path classes =
        Path.of(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<String> publicTypes;
    try (Stream<Path> files = Files.walk(classes)) {
      publicTypes =
          files
              .map(classes::relativize)
              .map(Path::toString)
              .filter(name -> name.endsWith(".class") && !name.contains("$"))
              .filter(name -> !name.endsWith("package-info.class"))
              .map(name -> name.substring(0, name.length() - 6).replace('/', '.'))
              .filter(PublicSurfaceTest::isPublic)
              .sorted()
              .toList();
    }
    assertThat(publicTypes)
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(API.stream(), INSIDE.stream()).sorted().toList());
  }

  private static boolean isPublic(String className) {
    try {
      return Modifier.isPublic(
          Class.forName(className, false, PublicSurfaceTest.class.getClassLoader()).getModifiers());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
