package dev.corsjaxrs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Jersey on embedded Grizzly; cors-jaxrs is found through META-INF/services. */
final class JerseyRuntime implements TestServer.Runtime {
  @Override
  public AutoCloseable start(
      int port, ClassLoader loader, Set<Class<?>> classes, Set<Object> singletons) {
    ResourceConfig application =
        new ResourceConfig(classes)
            .registerInstances(singletons)
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:" + port + "/api/"), application, false);
    // Room for the hostile-input tests' 8 KB headers (Grizzly's default limit is 8 KB in all).
    server.getListeners().forEach(listener -> listener.setMaxHttpHeaderSize(64 * 1024));
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server::shutdownNow;
  }
}
