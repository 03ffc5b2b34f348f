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
 * {@code /api}, whose MicroProfile Config is the given map. The runtime is Jersey on Grizzly, or
 * RESTEasy on Undertow when the system property {@code it.runtime} is {@code resteasy} (the second
 * surefire execution). The config is registered for a class loader of its own, which is the context
 * class loader while the application deploys, so that the module reads it through {@code
 * ConfigProvider.getConfig()} exactly as in a real server.
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
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(properties, "test", 500))
            .addDefaultInterceptors()
            .build();
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    ClassLoader isolated = new URLClassLoader(new URL[0], previous);
    ConfigProviderResolver.instance().registerConfig(config, isolated);
    Thread.currentThread().setContextClassLoader(isolated);
    try {
      int port = freePort();
      Runtime runtime = RUNTIME.equals("resteasy") ? new ResteasyRuntime() : new JerseyRuntime();
      return new TestServer(port, runtime.start(port, isolated, classes, singletons), config);
    } catch (RuntimeException e) {
      ConfigProviderResolver.instance().releaseConfig(config);
      throw e;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
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
