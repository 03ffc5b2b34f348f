package dev.corsjaxrs.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.corsjaxrs.CorsFeature;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * The end-to-end comparison, in one JVM: the same resource on four embedded Grizzly + Jersey
 * servers, (a) without any CORS filter, (b) with cors-jaxrs, (c) with RESTEasy's {@code CorsFilter}
 * configured with the same origin, (d) with a filter that writes the same header lines as (b)
 * without deciding anything (the floor of any CORS filter here), loaded by {@code wrk} on loopback
 * in rotating rounds (a b c d, b c d a, ...) so that drift and order cancel out. Prints requests
 * per second and p99 latency for an allowed actual GET and for a preflight, and their ratios to
 * (a)'s GET.
 *
 * <p>Arguments: rounds (default 3), seconds per run (default 5), wrk connections (default 16),
 * seconds of each warm-up run (default 20: on one core the JIT needs about a minute of load).
 * {@code -Dbench.only=b} (or a, c, d) serves one of them alone and {@code -Dbench.request=get} (or
 * preflight) sends one kind of request, for a profiler; {@code -Dwrk.cpus=1} pins wrk to a core.
 */
public final class EndToEndComparison {

  static final String ORIGIN = "https://app.example.com";

  private static final String A = "(a) no CORS";
  private static final String B = "(b) cors-jaxrs";
  private static final String C = "(c) RESTEasy CorsFilter";
  private static final String D = "(d) fixed headers, no decision";
  private static final String GET = "allowed GET";
  private static final String PREFLIGHT = "preflight";

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

  /**
   * The floor of any CORS filter on this stack: writes the header lines cors-jaxrs writes for the
   * same requests, without reading or deciding anything.
   */
  @PreMatching
  public static class FixedHeaders implements ContainerRequestFilter, ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getMethod().equals("OPTIONS")) {
        request.abortWith(
            Response.ok()
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", "GET, PUT, HEAD")
                .header("Access-Control-Allow-Headers", "*")
                .header("Access-Control-Max-Age", "1800")
                .header(
                    "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
                .build());
      }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (!request.getMethod().equals("OPTIONS")) {
        response.getHeaders().putSingle("Access-Control-Allow-Origin", ORIGIN);
        response.getHeaders().putSingle("Vary", "Origin");
      }
    }
  }

  private EndToEndComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args rounds, seconds, connections, warm-up seconds
   * @throws Exception when a server or wrk fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Logger.getLogger("").setLevel(Level.WARNING);
    Logger.getLogger("dev.corsjaxrs").setLevel(Level.WARNING);

    // -Dbench.only=b serves one of them alone, to profile it with -XX:StartFlightRecording.
    String only = System.getProperty("bench.only");
    String onlyRequest = System.getProperty("bench.request");
    Map<String, HttpServer> servers = new LinkedHashMap<>();
    if (serves(A, only)) {
      servers.put(A, start(bare(), Map.of()));
    }
    if (serves(B, only)) {
      servers.put(
          B,
          start(
              bare().register(CorsFeature.class),
              Map.of("cors.allowed-origins", ORIGIN, "cors.allowed-methods", "GET, PUT")));
    }
    if (serves(C, only)) {
      CorsFilter resteasy = new CorsFilter();
      resteasy.getAllowedOrigins().add(ORIGIN);
      resteasy.setAllowedMethods("GET, PUT");
      resteasy.setAllowCredentials(false);
      servers.put(C, start(bare().registerInstances(resteasy), Map.of()));
    }
    if (serves(D, only)) {
      servers.put(D, start(bare().register(FixedHeaders.class), Map.of()));
    }

    java.nio.file.Path preflightScript = Files.createTempFile("preflight", ".lua");
    Files.writeString(
        preflightScript,
        "wrk.method = \"OPTIONS\"\n"
            + "wrk.headers[\"Origin\"] = \""
            + ORIGIN
            + "\"\n"
            + "wrk.headers[\"Access-Control-Request-Method\"] = \"PUT\"\n"
            + "wrk.headers[\"Access-Control-Request-Headers\"] = \"content-type\"\n",
        StandardCharsets.UTF_8);

    // results.get(round).get(server + ", " + kind) = {requests per second, p99 ms, CPU µs per
    // request}
    List<Map<String, double[]>> results = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      boolean warmUp = round == 0;
      Map<String, double[]> measured = new LinkedHashMap<>();
      List<Map.Entry<String, HttpServer>> order = new ArrayList<>(servers.entrySet());
      Collections.rotate(order, -round);
      for (Map.Entry<String, HttpServer> server : order) {
        String url = "http://127.0.0.1:" + port(server.getValue()) + "/api/ping";
        int runSeconds = warmUp ? warmUpSeconds : seconds;
        if (!"preflight".equals(onlyRequest)) {
          measured.put(
              server.getKey() + ", " + GET,
              wrk(url, runSeconds, connections, List.of("-H", "Origin: " + ORIGIN)));
        }
        if (!"get".equals(onlyRequest)) {
          measured.put(
              server.getKey() + ", " + PREFLIGHT,
              wrk(url, runSeconds, connections, List.of("-s", preflightScript.toString())));
        }
      }
      if (!warmUp) {
        results.add(measured);
      }
    }
    servers.values().forEach(HttpServer::shutdownNow);
    if (servers.size() == 1 || onlyRequest != null) {
      for (Map.Entry<String, double[]> run : results.get(results.size() - 1).entrySet()) {
        System.out.printf(
            Locale.ROOT,
            "%s: %.0f req/s, p99 %.2f ms, %.1f CPU µs/request%n",
            run.getKey(),
            run.getValue()[0],
            run.getValue()[1],
            run.getValue()[2]);
      }
      return;
    }
    System.out.print(report(results, seconds, connections));
  }

  /**
   * The table: mean requests per second and p99 of each server and request, and the median (with
   * the lowest and highest) of their per-round ratios to (a)'s GET in the same round; then (b)
   * against (c) and (d) round by round.
   */
  private static String report(List<Map<String, double[]>> results, int seconds, int connections) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%d rounds x %d s, wrk -t1 -c%d, on %d cores%n",
            results.size(),
            seconds,
            connections,
            Runtime.getRuntime().availableProcessors()));
    table.append(
        "| server | request | req/s (mean) | p99 ms (mean) | CPU µs/request (median) "
            + "| req/s ÷ (a) GET, median [lowest, highest] of rounds | p99 ÷ (a) GET, median |\n"
            + "|---|---|---|---|---|---|---|\n");
    for (String server : List.of(A, B, C, D)) {
      for (String kind : List.of(GET, PREFLIGHT)) {
        String key = server + ", " + kind;
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.0f | %.2f | %.1f | %s | %.2f |%n",
                server,
                kind,
                results.stream().mapToDouble(r -> r.get(key)[0]).average().orElseThrow(),
                results.stream().mapToDouble(r -> r.get(key)[1]).average().orElseThrow(),
                median(results.stream().mapToDouble(r -> r.get(key)[2]).toArray()),
                spread(results, key, A + ", " + GET, 0),
                median(
                    results.stream()
                        .mapToDouble(r -> r.get(key)[1] / r.get(A + ", " + GET)[1])
                        .toArray())));
      }
    }
    for (String other : List.of(C, D)) {
      String name = other.substring(0, 3);
      for (String kind : List.of(GET, PREFLIGHT)) {
        long wins =
            results.stream()
                .filter(r -> r.get(B + ", " + kind)[0] >= r.get(other + ", " + kind)[0])
                .count();
        table.append(
            String.format(
                Locale.ROOT,
                "(b) ÷ %s, %s: req/s %s, (b) ≥ %s in %d of %d rounds; CPU per request %s%n",
                name,
                kind,
                spread(results, B + ", " + kind, other + ", " + kind, 0),
                name,
                wins,
                results.size(),
                spread(results, B + ", " + kind, other + ", " + kind, 2)));
      }
    }
    return table.toString();
  }

  /**
   * The median, lowest and highest of one result's per-round ratio to another's.
   *
   * @param index 0 for requests per second, 2 for CPU per request
   */
  private static String spread(
      List<Map<String, double[]>> results, String key, String base, int index) {
    double[] ratios =
        results.stream().mapToDouble(r -> r.get(key)[index] / r.get(base)[index]).toArray();
    return String.format(
        Locale.ROOT,
        "%.3f [%.3f, %.3f]",
        median(ratios),
        Arrays.stream(ratios).min().orElseThrow(),
        Arrays.stream(ratios).max().orElseThrow());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Whether the server named {@code name} runs, given {@code -Dbench.only} (null for all). */
  private static boolean serves(String name, String only) {
    return only == null || name.startsWith("(" + only + ")");
  }

  /** The resource alone, with no provider discovered from the class path. */
  private static ResourceConfig bare() {
    return new ResourceConfig(Ping.class)
        .property("jakarta.ws.rs.loadServices", false)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  private static HttpServer start(ResourceConfig application, Map<String, String> properties)
      throws IOException {
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

  /** The servers' JVM, for its CPU time. */
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * Runs wrk and returns {requests per second, p99 latency in ms, CPU microseconds the servers' JVM
   * spent per request}.
   */
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
    long cpuBefore = PROCESS.getProcessCpuTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
    if (exit != 0) {
      throw new IOException("wrk failed: " + output);
    }
    if (output.contains("Non-2xx")) {
      throw new IOException("unexpected statuses from " + url + ":\n" + output);
    }
    Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
    Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(output);
    Matcher count = Pattern.compile("([0-9]+) requests in").matcher(output);
    if (!rps.find() || !p99.find() || !count.find()) {
      throw new IOException("cannot read wrk's output:\n" + output);
    }
    double latency = Double.parseDouble(p99.group(1));
    latency =
        p99.group(2).equals("us")
            ? latency / 1000
            : p99.group(2).equals("s") ? latency * 1000 : latency;
    double cpuPerRequest = cpu / 1000.0 / Long.parseLong(count.group(1));
    return new double[] {Double.parseDouble(rps.group(1)), latency, cpuPerRequest};
  }
}
