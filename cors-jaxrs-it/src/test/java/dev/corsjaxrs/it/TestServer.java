package dev.corsjaxrs.it;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * An embedded Grizzly server with Jersey on a free loopback port, whose MicroProfile Config is the
 * given map: the config is registered for a class loader of its own, which is the context class
 * loader while Jersey deploys the application, so that the module reads it through {@code
 * ConfigProvider.getConfig()} exactly as in a real server.
 */
final class TestServer implements AutoCloseable {

  final HttpServer server;
  final int port;
  final String baseUri;
  private final SmallRyeConfig config;

  private TestServer(HttpServer server, int port, SmallRyeConfig config) {
    this.server = server;
    this.port = port;
    this.baseUri = "http://127.0.0.1:" + port + "/api";
    this.config = config;
  }

  static TestServer start(Map<String, String> properties, Class<?>... components) {
    ResourceConfig application = new ResourceConfig(components);
    return start(properties, application);
  }

  static TestServer start(Map<String, String> properties, ResourceConfig application) {
    application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
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
      HttpServer server =
          GrizzlyHttpServerFactory.createHttpServer(
              URI.create("http://127.0.0.1:" + port + "/api/"), application);
      return new TestServer(server, port, config);
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
    server.shutdownNow();
    ConfigProviderResolver.instance().releaseConfig(config);
  }
}
