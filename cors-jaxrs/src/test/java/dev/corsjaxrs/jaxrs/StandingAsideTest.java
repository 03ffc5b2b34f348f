package dev.corsjaxrs.jaxrs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the module stands aside for Quarkus's own CORS filter, strict mode an annotation asks for
 * would vanish: the binder that sees each resource method fails the deployment instead, naming the
 * annotation (API.md v1.3 "Settled"). The runtime's side is a plain proxy here; Quarkus itself runs
 * the configuration keys' case ({@code QuarkusCorsBesideProtectionsIT}).
 */
class StandingAsideTest {

  /** Strict on one method, exempt on another, unannotated on a third. */
  public static class Accounts {
    @CorsAllowed(rejectDisallowed = "report")
    public void create() {}

    @CorsAllowed(rejectDisallowed = "false")
    public void replace() {}

    public void list() {}
  }

  /** Strict as a class. */
  @CorsAllowed(rejectDisallowed = "true")
  public static class Strict {
    public void list() {}
  }

  static void bind(Map<String, Object> properties, Class<?> type, String method) throws Exception {
    Method resourceMethod = type.getMethod(method);
    Configuration configuration =
        (Configuration)
            Proxy.newProxyInstance(
                StandingAsideTest.class.getClassLoader(),
                new Class<?>[] {Configuration.class},
                (proxy, called, args) ->
                    called.getName().equals("getProperty") ? properties.get(args[0]) : null);
    FeatureContext context =
        (FeatureContext)
            Proxy.newProxyInstance(
                StandingAsideTest.class.getClassLoader(),
                new Class<?>[] {FeatureContext.class},
                (proxy, called, args) ->
                    called.getName().equals("getConfiguration") ? configuration : proxy);
    ResourceInfo info =
        new ResourceInfo() {
          @Override
          public Method getResourceMethod() {
            return resourceMethod;
          }

          @Override
          public Class<?> getResourceClass() {
            return type;
          }
        };
    new MethodBinder().configure(info, context);
  }

  @Test
  void strictModeByAnnotationFailsTheDeploymentWhereTheModuleStandsAside() {
    Map<String, Object> asideProperties =
        Map.of(CorsProviders.STANDING_ASIDE_PROPERTY, Boolean.TRUE);
    assertThatThrownBy(() -> bind(asideProperties, Accounts.class, "create"))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith(
            "CORS: quarkus.http.cors.enabled=true and @CorsAllowed(rejectDisallowed) on "
                + Accounts.class.getName()
                + "#create are both set");
    assertThatThrownBy(() -> bind(asideProperties, Strict.class, "list"))
        .hasMessageContaining("@CorsAllowed(rejectDisallowed) on " + Strict.class.getName() + " ");
    assertThatCode(() -> bind(asideProperties, Accounts.class, "replace"))
        .doesNotThrowAnyException();
    assertThatCode(() -> bind(asideProperties, Accounts.class, "list")).doesNotThrowAnyException();
    assertThatCode(() -> bind(Map.of(), Accounts.class, "create"))
        .as("an application where the module is not registered")
        .doesNotThrowAnyException();
  }
}
