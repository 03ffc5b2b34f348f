package com.example;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Serves the API on http://localhost:8080/api; cors-jaxrs is found on the class path. */
public class Main {

  public static HttpServer start(int port) {
    ResourceConfig app =
        new ResourceConfig(ItemsResource.class)
            // no WADL: it needs JAXB, and Jersey warns at every start without it
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://localhost:" + port + "/api/"), app);
  }

  public static void main(String[] args) throws InterruptedException {
    start(8080);
    Thread.currentThread().join();
  }
}
