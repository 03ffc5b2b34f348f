package dev.corsjaxrs.it;

import dev.corsjaxrs.CorsFeature;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;

/**
 * Apache CXF on embedded Undertow, through CXF's servlet. CXF reads no {@code
 * META-INF/services/jakarta.ws.rs.core.Feature}: the application lists {@link CorsFeature} among
 * its classes, the one line README asks of CXF users.
 */
final class CxfRuntime implements TestServer.Runtime {
  @Override
  public AutoCloseable start(
      int port, ClassLoader loader, Set<Class<?>> classes, Set<Object> singletons) {
    Set<Class<?>> withCors = new HashSet<>(classes);
    withCors.add(CorsFeature.class);
    Application application =
        new Application() {
          @Override
          public Set<Class<?>> getClasses() {
            return withCors;
          }

          @Override
          @SuppressWarnings("deprecation")
          public Set<Object> getSingletons() {
            return singletons;
          }
        };
    DeploymentInfo info =
        Servlets.deployment()
            .setClassLoader(loader)
            .setContextPath("/api")
            .setDeploymentName("cors-jaxrs-it-cxf-" + port)
            .addServlet(
                Servlets.servlet(
                        "cxf",
                        CXFNonSpringJaxrsServlet.class,
                        new ImmediateInstanceFactory<>(new CXFNonSpringJaxrsServlet(application)))
                    .addMapping("/*")
                    .setLoadOnStartup(1));
    DeploymentManager manager = Servlets.newContainer().addDeployment(info);
    manager.deploy();
    Undertow server;
    try {
      server =
          Undertow.builder()
              .addHttpListener(port, "127.0.0.1")
              .setHandler(Handlers.path().addPrefixPath("/api", manager.start()))
              .build();
    } catch (ServletException e) {
      manager.undeploy();
      throw new IllegalStateException(e);
    }
    server.start();
    return () -> {
      server.stop();
      manager.stop();
      manager.undeploy();
    };
  }
}
