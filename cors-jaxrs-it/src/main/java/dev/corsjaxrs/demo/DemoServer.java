package dev.corsjaxrs.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The demo: a Jersey application on embedded Grizzly, on loopback, with cors-jaxrs discovered from
 * the class path and configured by {@code META-INF/microprofile-config.properties}. Prints the
 * {@code curl} lines that show a preflight being allowed and others being refused.
 */
public final class DemoServer {

  /** The default port of the API. */
  public static final int DEFAULT_PORT = 8080;

  /**
   * One request of the tour, and the status it gets.
   *
   * @param what what it shows
   * @param method the HTTP method
   * @param path the path under the API's base
   * @param headers the request headers
   * @param status the status the server answers
   */
  public record Scenario(
      String what, String method, String path, Map<String, String> headers, int status) {

    /** Keeps the headers in the order given. */
    public Scenario {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * The scenario as a {@code curl} command line.
     *
     * @param base the API's base URI
     * @return the command
     */
    public String curl(String base) {
      StringBuilder line = new StringBuilder("curl -i");
      if (!method.equals("GET")) {
        line.append(" -X ").append(method);
      }
      line.append(' ').append(base).append(path);
      headers.forEach(
          (name, value) ->
              line.append(" -H '").append(name).append(": ").append(value).append('\''));
      return line.toString();
    }
  }

  /** The tour printed at start-up; DemoTest runs each line and checks its status. */
  public static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario(
              "a preflight for PUT from an allowed origin: 200 with the Access-Control-Allow-* headers",
              "OPTIONS",
              "/items/1",
              headers(
                  "Origin", "http://localhost:8081",
                  "Access-Control-Request-Method", "PUT",
                  "Access-Control-Request-Headers", "content-type,x-request-id"),
              200),
          new Scenario(
              "the same preflight from an origin that is not allowed: 403, no Access-Control-* header",
              "OPTIONS",
              "/items/1",
              headers("Origin", "https://evil.example", "Access-Control-Request-Method", "PUT"),
              403),
          new Scenario(
              "a preflight for DELETE, which only https://app.example.com may send: 403",
              "OPTIONS",
              "/items/1",
              headers("Origin", "http://localhost:8081", "Access-Control-Request-Method", "DELETE"),
              403),
          new Scenario(
              "an actual GET from an allowed origin: Access-Control-Allow-Origin and the exposed"
                  + " X-Total-Count",
              "GET",
              "/items",
              headers("Origin", "http://localhost:8081"),
              200),
          new Scenario(
              "open data from any origin: Access-Control-Allow-Origin: *",
              "GET",
              "/public/status",
              headers("Origin", "https://anyone.example"),
              200));

  private DemoServer() {}

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  /**
   * Starts the API on {@code http://localhost:<port>/api}.
   *
   * @param port the port, 0 for any free one
   * @return the running server
   */
  public static HttpServer start(int port) {
    ExchangeLog.listenToRefusals();
    ResourceConfig application =
        new ResourceConfig(
                ItemsResource.class,
                PublicResource.class,
                PartnerResource.class,
                SessionResource.class,
                OrdersResource.class,
                ExchangeLog.Resource.class,
                ExchangeLog.Requests.class,
                ExchangeLog.Responses.class)
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://localhost:" + port + "/api/"), application);
  }

  /**
   * Starts the playground page on {@code http://localhost:<port>/}: plain HTML, CSS and JavaScript
   * from the class path, on an origin of its own (another port) but the same site as the API, so
   * that the API's cookie comes back in the credentials scenario as it would for a front end on a
   * sibling host.
   *
   * @param port the port (a fixed one: Grizzly's simple server takes no 0)
   * @return the running page server
   * @throws IOException when the port is taken
   */
  public static HttpServer startPlayground(int port) throws IOException {
    HttpServer pages = HttpServer.createSimpleServer(null, "localhost", port);
    pages
        .getServerConfiguration()
        .addHttpHandler(
            new CLStaticHttpHandler(DemoServer.class.getClassLoader(), "/playground/"), "/");
    pages.start();
    return pages;
  }

  /**
   * The port a server listens on.
   *
   * @param server a started server
   * @return its port
   */
  public static int port(HttpServer server) {
    return server.getListeners().iterator().next().getPort();
  }

  /**
   * The API's base URI.
   *
   * @param server a started server
   * @return {@code http://localhost:<port>/api}
   */
  public static String base(HttpServer server) {
    return "http://localhost:" + port(server) + "/api";
  }

  /**
   * Prints the tour.
   *
   * @param out where to print
   * @param base the API's base URI
   */
  public static void printTour(PrintStream out, String base) {
    out.println();
    out.println("cors-jaxrs demo: the API is at " + base + " (Ctrl+C stops it)");
    out.println("Try these requests:");
    for (Scenario scenario : SCENARIOS) {
      out.println();
      out.println("# " + scenario.what());
      out.println(scenario.curl(base));
    }
    out.println();
  }

  /**
   * Runs the demo until the process is stopped.
   *
   * @param args ignored; the ports are {@code -Ddemo.port} (API, default 8080) and {@code
   *     -Ddemo.page.port} (playground page, default 8081)
   * @throws InterruptedException when interrupted
   * @throws IOException when a port is taken
   */
  public static void main(String[] args) throws InterruptedException, IOException {
    HttpServer server = start(Integer.getInteger("demo.port", DEFAULT_PORT));
    HttpServer pages = startPlayground(Integer.getInteger("demo.page.port", DEFAULT_PORT + 1));
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    Runtime.getRuntime().addShutdownHook(new Thread(pages::shutdownNow));
    printTour(System.out, base(server));
    System.out.println(
        "Playground: open http://localhost:"
            + port(pages)
            + "/?api="
            + base(server)
            + " in a browser and press \"Run every scenario\" (or a scenario's Run).");
    System.out.println();
    Thread.currentThread().join();
  }
}
