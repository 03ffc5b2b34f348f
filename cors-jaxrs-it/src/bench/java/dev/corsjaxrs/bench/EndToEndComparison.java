package dev.corsjaxrs.bench;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.jboss.resteasy.plugins.interceptors.CorsFilter;

/**
 * The end-to-end comparison, in one JVM: the same resource on three embedded Grizzly + Jersey
 * servers, (a) without any CORS filter, (b) with cors-jaxrs, (c) with RESTEasy's {@code
 * CorsFilter} configured with the same origin, loaded by {@code wrk} on loopback in alternating
 * rounds (a b c, b c a, c a b, ...) so that drift and order cancel out. Prints requests per second and p99 latency
 * for an allowed actual GET and for a preflight, and their ratios to (a)'s GET.
 *
 * <p>Arguments: rounds (default 3), seconds per run (default 5), wrk connections (default 16).
 */
public final class EndToEndComparison {

  static final String ORIGIN = "https://app.example.com";

  /** The resource every server serves. */
  @Path("ping")
  public static class Ping {
    /**
     * The actual request.
     *
     * @return a word
     */
    @GET
    public String get() {
      return "pong";
    }

    /**
     * The target of the preflight.
     *
     * @param body ignored
     * @return a word
     */
    @PUT
    public String put(String body) {
      return "put";
    }
  }

  private EndToEndComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args rounds, seconds, connections
   * @throws Exception when a server or wrk fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Logger.getLogger("").setLevel(Level.WARNING);
    Logger.getLogger("dev.corsjaxrs").setLevel(Level.WARNING);

    Map<String, HttpServer> servers = new LinkedHashMap<>();
    servers.put("a: no CORS", start(withoutDiscovery(new ResourceConfig(Ping.class)), Map.of()));
    servers.put(
        "b: cors-jaxrs",
        start(new ResourceConfig(Ping.class), Map.of("cors.allowed-origins", ORIGIN, "cors.allowed-methods", "GET, PUT")));
    CorsFilter resteasy = new CorsFilter();
    resteasy.getAllowedOrigins().add(ORIGIN);
    resteasy.setAllowedMethods("GET, PUT");
    resteasy.setAllowCredentials(false);
    servers.put(
        "c: RESTEasy CorsFilter",
        start(withoutDiscovery(new ResourceConfig(Ping.class).registerInstances(resteasy)), Map.of()));

    java.nio.file.Path preflightScript = Files.createTempFile("preflight", ".lua");
    Files.writeString(
        preflightScript,
        "wrk.method = \"OPTIONS\"\n"
            + "wrk.headers[\"Origin\"] = \"" + ORIGIN + "\"\n"
            + "wrk.headers[\"Access-Control-Request-Method\"] = \"PUT\"\n"
            + "wrk.headers[\"Access-Control-Request-Headers\"] = \"content-type\"\n",
        StandardCharsets.UTF_8);

    Map<String, List<double[]>> get = new LinkedHashMap<>();
    Map<String, List<double[]>> preflight = new LinkedHashMap<>();
    for (int round = 0; round <= rounds; round++) {
      boolean warmUp = round == 0;
      List<Map.Entry<String, HttpServer>> order = new ArrayList<>(servers.entrySet());
      java.util.Collections.rotate(order, -round);
      for (Map.Entry<String, HttpServer> server : order) {
        String url = "http://127.0.0.1:" + port(server.getValue()) + "/api/ping";
        double[] g = wrk(url, warmUp ? 2 : seconds, connections, List.of("-H", "Origin: " + ORIGIN));
        double[] p =
            wrk(url, warmUp ? 2 : seconds, connections, List.of("-s", preflightScript.toString()));
        if (!warmUp) {
          get.computeIfAbsent(server.getKey(), k -> new ArrayList<>()).add(g);
          preflight.computeIfAbsent(server.getKey(), k -> new ArrayList<>()).add(p);
        }
      }
    }
    servers.values().forEach(HttpServer::shutdownNow);

    double baseRps = mean(get.get("a: no CORS"), 0);
    double baseP99 = mean(get.get("a: no CORS"), 1);
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%d rounds x %d s, wrk -t1 -c%d, on %d cores%n", rounds, seconds, connections, Runtime.getRuntime().availableProcessors()));
    table.append("| server | request | req/s | p99 ms | req/s ÷ (a) GET | p99 ÷ (a) GET |\n|---|---|---|---|---|---|\n");
    for (String name : servers.keySet()) {
      for (Map.Entry<String, Map<String, List<double[]>>> kind : Map.of("allowed GET", get, "preflight", preflight).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
        double rps = mean(kind.getValue().get(name), 0);
        double p99 = mean(kind.getValue().get(name), 1);
        table.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.3f | %.2f |%n", name, kind.getKey(), rps, p99, rps / baseRps, p99 / baseP99));
      }
    }
    System.out.print(table);
  }

  private static ResourceConfig withoutDiscovery(ResourceConfig config) {
    return config.property("jakarta.ws.rs.loadServices", false);
  }

  private static HttpServer start(ResourceConfig application, Map<String, String> properties)
      throws IOException {
    application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    ClassLoader isolated = new URLClassLoader(new URL[0], previous);
    ConfigProviderResolver.instance()
        .registerConfig(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "bench", 500))
                .build(),
            isolated);
    Thread.currentThread().setContextClassLoader(isolated);
    try (ServerSocket socket = new ServerSocket(0)) {
      int port = socket.getLocalPort();
      socket.close();
      return GrizzlyHttpServerFactory.createHttpServer(
          URI.create("http://127.0.0.1:" + port + "/api/"), application);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static int port(HttpServer server) {
    return server.getListeners().iterator().next().getPort();
  }

  private static double mean(List<double[]> runs, int index) {
    return runs.stream().mapToDouble(r -> r[index]).average().orElse(Double.NaN);
  }

  /** Runs wrk and returns {requests per second, p99 latency in ms}. */
  private static double[] wrk(String url, int seconds, int connections, List<String> extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    String wrkCpus = System.getProperty("wrk.cpus");
    if (wrkCpus != null) {
      // Keeps the load generator off the server's cores (run the JVM under taskset too).
      command.addAll(List.of("taskset", "-c", wrkCpus));
    }
    command.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency"));
    command.addAll(extra);
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    if (output.contains("Non-2xx")) {
      throw new IOException("unexpected statuses from " + url + ":\n" + output);
    }
    Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
    Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(output);
    if (!rps.find() || !p99.find()) {
      throw new IOException("cannot read wrk's output:\n" + output);
    }
    double latency = Double.parseDouble(p99.group(1));
    latency = p99.group(2).equals("us") ? latency / 1000 : p99.group(2).equals("s") ? latency * 1000 : latency;
    return new double[] {Double.parseDouble(rps.group(1)), latency};
  }
}
