package dev.corsjaxrs.it;

import io.undertow.servlet.api.DeploymentInfo;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * RESTEasy on embedded Undertow; cors-jaxrs is found through META-INF/services, with no code. The
 * servlet starts with the deployment, so that a bad configuration fails the start.
 */
final class ResteasyRuntime implements TestServer.Runtime {
  @Override
  public AutoCloseable start(
      int port, ClassLoader loader, Set<Class<?>> classes, Set<Object> singletons) {
    Application application =
        new Application() {
          @Override
          public Set<Class<?>> getClasses() {
            return classes;
          }

          @Override
          @SuppressWarnings("deprecation")
          public Set<Object> getSingletons() {
            return singletons;
          }
        };
    UndertowJaxrsServer server = new UndertowJaxrsServer().setPort(port).setHostname("127.0.0.1");
    ResteasyDeployment deployment = new ResteasyDeploymentImpl();
    deployment.setApplication(application);
    DeploymentInfo info = server.undertowDeployment(deployment, "/");
    info.setClassLoader(loader);
    info.setContextPath("/api");
    info.setDeploymentName("cors-jaxrs-it-" + port);
    info.getServlets().values().forEach(servlet -> servlet.setLoadOnStartup(1));
    server.start();
    try {
      server.deploy(info);
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    return server::stop;
  }
}
