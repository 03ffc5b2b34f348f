package dev.corsjaxrs.it;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * An embedded Jakarta REST server on a free loopback port, serving the given components under
 * {@code /api}, whose MicroProfile Config is the given map. The runtime is Jersey on Grizzly, or,
 * by the system property {@code it.runtime}, RESTEasy on Undertow ({@code resteasy}) or Apache CXF
 * on Undertow ({@code cxf}), each in a surefire execution of its own. The config is registered for
 * a class loader of its own, which is the context class loader while the application deploys, so
 * that the module reads it through {@code ConfigProvider.getConfig()} exactly as in a real server.
 */
final class TestServer implements AutoCloseable {

  /** Starts and stops one runtime. */
  interface Runtime {
    /** Deploys the application and returns what stops it. */
    AutoCloseable start(
        int port, ClassLoader loader, Set<Class<?>> classes, Set<Object> singletons);
  }

  static final String RUNTIME = System.getProperty("it.runtime", "jersey");

  final int port;
  final String baseUri;
  private final AutoCloseable running;
  private final SmallRyeConfig config;

  private TestServer(int port, AutoCloseable running, SmallRyeConfig config) {
    this.port = port;
    this.baseUri = "http://127.0.0.1:" + port + "/api";
    this.running = running;
    this.config = config;
  }

  static TestServer start(Map<String, String> properties, Class<?>... components) {
    return start(properties, Set.of(components), Set.of());
  }

  static TestServer start(
      Map<String, String> properties, Set<Class<?>> classes, Set<Object> singletons) {
    return start(properties, classes, singletons, false);
  }

  /**
   * Starts a server whose configuration also has SmallRye's default sources: this process's
   * environment variables and system properties, as in a server.
   */
  static TestServer startWithEnvironment(Map<String, String> properties, Class<?>... components) {
    return start(properties, Set.of(components), Set.of(), true);
  }

  private static TestServer start(
      Map<String, String> properties,
      Set<Class<?>> classes,
      Set<Object> singletons,
      boolean defaultSources) {
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(properties, "test", 500))
            .addDefaultInterceptors();
    SmallRyeConfig config = (defaultSources ? builder.addDefaultSources() : builder).build();
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    ClassLoader isolated = new URLClassLoader(new URL[0], previous);
    ConfigProviderResolver.instance().registerConfig(config, isolated);
    Thread.currentThread().setContextClassLoader(isolated);
    try {
      int port = freePort();
      Runtime runtime =
          switch (RUNTIME) {
            case "resteasy" -> new ResteasyRuntime();
            case "cxf" -> new CxfRuntime();
            default -> new JerseyRuntime();
          };
      return new TestServer(port, runtime.start(port, isolated, classes, singletons), config);
    } catch (RuntimeException e) {
      ConfigProviderResolver.instance().releaseConfig(config);
      throw e;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /**
   * What {@code Access-Control-Expose-Headers: *} with credentials lists for a response whose own
   * headers are these: CXF has set {@code Date} (not safelisted, so listed) by the time response
   * filters run, where Jersey's and RESTEasy's containers add it later.
   */
  static String exposedNames(String names) {
    return RUNTIME.equals("cxf") ? "Date, " + names : names;
  }

  /**
   * Makes sure the module's startup map has been written: at deployment on Jersey and RESTEasy,
   * which list their resources; before the first request is answered on CXF, which shows them one
   * by one and never says it is done. On CXF this sends that first request (an {@code OPTIONS}
   * without {@code Origin}, which the module leaves alone).
   */
  void startupMapWritten() {
    if (RUNTIME.equals("cxf")) {
      io.restassured.RestAssured.given().baseUri(baseUri).options("/");
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      running.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      ConfigProviderResolver.instance().releaseConfig(config);
    }
  }
}
