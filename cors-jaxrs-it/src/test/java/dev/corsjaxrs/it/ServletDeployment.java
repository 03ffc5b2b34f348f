package dev.corsjaxrs.it;

import dev.corsjaxrs.servlet.CorsServletInitializer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * A web application on embedded Undertow with plain servlets beside Jakarta REST (RESTEasy at
 * {@code /*}), and the jar's servlet container initializer, as a Servlet 6 container runs it.
 */
final class ServletDeployment implements AutoCloseable {

  /** Requests the plain servlets served. */
  static final AtomicInteger SERVED = new AtomicInteger();

  /** A download, a 404 for "missing", and a stand-in for a WebSocket endpoint. */
  public static class FileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      SERVED.incrementAndGet();
      if (request.getRequestURI().endsWith("/missing")) {
        response.sendError(404);
        return;
      }
      response.setHeader("X-Served-By", "servlet");
      response.setContentType("text/plain");
      response.getWriter().write("file " + request.getRequestURI());
    }
  }

  final int port;
  private final UndertowJaxrsServer server;

  /**
   * Deploys the servlets, the Jakarta REST resources and, where given, a WebSocket endpoint.
   *
   * @param properties the configuration
   * @param webSocketEndpoint an annotated {@code @ServerEndpoint} class, or null for none
   * @param resources the Jakarta REST resources
   */
  ServletDeployment(
      Map<String, String> properties, Class<?> webSocketEndpoint, Class<?>... resources) {
    this.port = TestServer.freePort();
    ClassLoader isolated =
        new URLClassLoader(new URL[0], Thread.currentThread().getContextClassLoader());
    ConfigProviderResolver.instance()
        .registerConfig(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .addDefaultInterceptors()
                .build(),
            isolated);
    Application application =
        new Application() {
          @Override
          public Set<Class<?>> getClasses() {
            return Set.of(resources);
          }
        };
    server = new UndertowJaxrsServer().setPort(port).setHostname("127.0.0.1");
    ResteasyDeployment deployment = new ResteasyDeploymentImpl();
    deployment.setApplication(application);
    DeploymentInfo info = server.undertowDeployment(deployment, "/");
    info.setClassLoader(isolated);
    info.setContextPath("/app");
    info.setDeploymentName("servlet-" + port);
    info.addServlet(
        Servlets.servlet("files", FileServlet.class)
            .addMappings("/files/*", "/export", "/other/*", "/ws/*"));
    info.addServletContainerInitializer(
        new ServletContainerInitializerInfo(CorsServletInitializer.class, Set.of()));
    if (webSocketEndpoint != null) {
      info.addServletContextAttribute(
          io.undertow.websockets.jsr.WebSocketDeploymentInfo.ATTRIBUTE_NAME,
          new io.undertow.websockets.jsr.WebSocketDeploymentInfo()
              .setBuffers(new io.undertow.server.DefaultByteBufferPool(false, 8192))
              .addEndpoint(webSocketEndpoint));
    }
    info.getServlets().values().forEach(servlet -> servlet.setLoadOnStartup(1));
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(isolated);
    try {
      server.start();
      server.deploy(info);
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  String base() {
    return "http://127.0.0.1:" + port + "/app";
  }

  @Override
  public void close() {
    server.stop();
  }
}
