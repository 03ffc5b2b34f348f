package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsFeature;
import dev.corsjaxrs.jaxrs.ScannedCorsFeature;
import io.restassured.response.Response;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/**
 * Without MicroProfile Config, the module stays off and says what to add in one WARNING line: no
 * {@code NoClassDefFoundError}, nothing registered, so requests are served as without the jar.
 */
class NoMicroProfileConfigTest {

  /** Registers nothing; remembers what the feature tried to register. */
  static FeatureContext context(ClassLoader loader, List<Object> registered) throws Exception {
    return (FeatureContext) isolatedContext(loader, registered);
  }

  static List<LogRecord> warnings(Runnable deployment) {
    try (LogCapture log = LogCapture.of("dev.corsjaxrs")) {
      deployment.run();
      return log.aboveFine();
    }
  }

  @Test
  void withoutAnImplementationOneLineSaysWhatToAdd() throws Exception {
    ConfigProviderResolver previous = ConfigProviderResolver.instance();
    ConfigProviderResolver.setInstance(new FailingResolver());
    List<Object> registered = new CopyOnWriteArrayList<>();
    boolean[] enabled = new boolean[1];
    try {
      List<LogRecord> warnings =
          warnings(
              () -> {
                try {
                  FeatureContext context = context(getClass().getClassLoader(), registered);
                  enabled[0] = new CorsFeature().configure(context);
                  // a server that scans for @Provider finds the jar's second feature too: silent
                  enabled[0] |= new ScannedCorsFeature().configure(context);
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              });
      assertThat(enabled[0]).isFalse();
      assertThat(registered).isEmpty();
      assertThat(warnings)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.getMessage())
                      .contains("CORS module off", "no MicroProfile Config implementation")
                      .contains("smallrye-config", "mpConfig-3.1"));
    } finally {
      ConfigProviderResolver.setInstance(previous);
    }
  }

  @Test
  void withoutAnImplementationRequestsAreServedAsWithoutTheJar() {
    ConfigProviderResolver previous = ConfigProviderResolver.instance();
    ConfigProviderResolver.setInstance(new FailingResolver());
    try (LogCapture log = LogCapture.of("dev.corsjaxrs");
        TestServer server = TestServer.start(Map.of(), Resources.Items.class)) {
      Response get = Wire.from(server, "https://app.example.com").get("/items");
      assertThat(get.statusCode()).isEqualTo(200);
      Wire.assertNoCorsHeaders(get);
      assertThat(get.header("Vary")).isNull();
      Response options = Wire.preflight(server, "https://app.example.com", "/items/1", "PUT");
      assertThat(options.statusCode()).as("the application's own OPTIONS").isEqualTo(200);
      Wire.assertNoCorsHeaders(options);
      assertThat(log.aboveFine())
          .anySatisfy(r -> assertThat(r.getMessage()).contains("CORS module off"));
    } finally {
      ConfigProviderResolver.setInstance(previous);
    }
  }

  @Test
  void withoutTheApiOneLineSaysWhatToAdd() throws Exception {
    URL classes = CorsFeature.class.getProtectionDomain().getCodeSource().getLocation();
    URL restApi = Feature.class.getProtectionDomain().getCodeSource().getLocation();
    List<Object> registered = new CopyOnWriteArrayList<>();
    try (URLClassLoader withoutConfig =
        new URLClassLoader(new URL[] {classes, restApi}, ClassLoader.getPlatformClassLoader())) {
      Class<?> feature = Class.forName(CorsFeature.class.getName(), true, withoutConfig);
      Class<?> contextType = Class.forName(FeatureContext.class.getName(), false, withoutConfig);
      Object context = isolatedContext(withoutConfig, registered);
      Object[] enabled = new Object[1];
      List<LogRecord> warnings =
          warnings(
              () -> {
                try {
                  enabled[0] =
                      feature
                          .getMethod("configure", contextType)
                          .invoke(feature.getConstructor().newInstance(), context);
                } catch (ReflectiveOperationException e) {
                  throw new AssertionError(e);
                }
              });
      assertThat(enabled[0]).isEqualTo(false);
      assertThat(registered).isEmpty();
      assertThat(warnings)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.getMessage())
                      .contains("CORS module off", "MicroProfile Config API is not visible")
                      .contains("mpConfig-3.1", "microprofile-config-api"));
    }
  }

  private static Object isolatedContext(ClassLoader loader, List<Object> registered)
      throws Exception {
    Class<?> contextType = Class.forName(FeatureContext.class.getName(), false, loader);
    Class<?> configurationType = Class.forName(Configuration.class.getName(), false, loader);
    Map<Object, Object> properties = new ConcurrentHashMap<>();
    Object configuration =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {configurationType},
            (proxy, method, args) ->
                method.getName().equals("getProperty") ? properties.get(args[0]) : null);
    return Proxy.newProxyInstance(
        loader,
        new Class<?>[] {contextType},
        (proxy, method, args) -> {
          if (method.getName().equals("getConfiguration")) {
            return configuration;
          }
          if (method.getName().equals("property")) {
            properties.put(args[0], args[1]);
          } else {
            registered.add(method.getName());
          }
          return proxy;
        });
  }

  /** A MicroProfile Config API with no implementation behind it. */
  static final class FailingResolver extends ConfigProviderResolver {
    @Override
    public Config getConfig() {
      throw new IllegalStateException("No ConfigProviderResolver implementation found!");
    }

    @Override
    public Config getConfig(ClassLoader loader) {
      return getConfig();
    }

    @Override
    public ConfigBuilder getBuilder() {
      throw new IllegalStateException("none");
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {}

    @Override
    public void releaseConfig(Config config) {}
  }
}
