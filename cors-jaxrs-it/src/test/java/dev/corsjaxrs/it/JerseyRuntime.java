package dev.corsjaxrs.it;

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
            URI.create("http://127.0.0.1:" + port + "/api/"), application);
    return server::shutdownNow;
  }
}
