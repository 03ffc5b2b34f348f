package dev.corsjaxrs.bench;

import dev.corsjaxrs.CorsFeature;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The module at scale, on a generated Jersey + Grizzly application of 100 root resource classes ×
 * 10 resource methods (a few with {@code @CorsAllowed} or {@code @CorsDisabled}), a global
 * allow-list of N exact origins plus two patterns, and two named policies.
 *
 * <ul>
 *   <li>{@code startup [starts] [origins...]}: for each N, {@code starts} pairs of alternating JVM
 *       starts without and with the module, with the JDK's default logging (INFO to the console);
 *       each reports its uptime when the first response was received and its used heap after a full
 *       GC. Prints the medians.
 *   <li>{@code hostile [seconds] [origins] [threads]}: in this JVM, the application with the module
 *       under a stream of varied requests: preflights with random header names to every path,
 *       actual requests from random subdomains under an allowed pattern and random case variants of
 *       listed origins, random ids under templated paths. Every answer is checked; prints the used
 *       heap after a full GC before and after, and fails on a wrong answer or growth over 16 MB.
 *   <li>{@code origins [count] [threads]}: the same application with an origin check ({@link
 *       EvenTenants}) on every path, sent {@code count} distinct origins (default 100,000), half of
 *       them allowed by the check, each answer checked; prints the used heap after a full GC before
 *       and after, and fails on a wrong answer or growth over 16 MB.
 * </ul>
 */
public final class ScaleRun {

  static final int CLASSES = 100;
  static final String APP = "https://tenant%d.example.com";

  private ScaleRun() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "startup";
    if (!mode.equals("child")) {
      // The measured starts (child) keep the JDK's default logging, as users run it: the startup
      // map's INFO records are part of what the module costs.
      Logger.getLogger("").setLevel(Level.WARNING);
    }
    // HttpURLConnection drops Origin and Access-Control-Request-* unless told otherwise.
    System.setProperty("sun.net.http.allowRestrictedHeaders", "true");
    switch (mode) {
      case "startup" -> startup(args);
      case "child" -> {
        try {
          child(Boolean.parseBoolean(args[1]), Integer.parseInt(args[2]), args[3]);
        } catch (Exception | Error e) {
          e.printStackTrace();
          System.exit(1);
        }
      }
      case "hostile" -> hostile(args);
      case "origins" -> distinctOrigins(args);
      default -> throw new IllegalArgumentException("startup, hostile or child, not " + mode);
    }
  }

  // ---- the generated application --------------------------------------------------------------

  /** Writes and compiles the resource classes; returns the directory of the classes. */
  static Path generate() throws IOException {
    Path dir = Files.createTempDirectory("cors-scale");
    Path src = dir.resolve("src/gen");
    Files.createDirectories(src);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < CLASSES; i++) {
      StringBuilder s = new StringBuilder();
      s.append("package gen;\nimport jakarta.ws.rs.*;\nimport dev.corsjaxrs.*;\n");
      if (i % 10 == 0) {
        s.append("@CorsAllowed(allowCredentials = \"true\")\n");
      }
      s.append("@Path(\"r").append(i).append("\")\npublic class R").append(i).append(" {\n");
      s.append("  @GET public String list() { return \"list\"; }\n");
      s.append("  @POST public String create(String b) { return \"created\"; }\n");
      s.append(
          "  @GET @Path(\"{id}\") public String get(@PathParam(\"id\") String id) { return id; }\n");
      s.append("  @PUT @Path(\"{id}\") public String put(@PathParam(\"id\") String id, String b) {")
          .append(" return id; }\n");
      s.append("  @DELETE @Path(\"{id}\") public String delete(@PathParam(\"id\") String id) {")
          .append(" return id; }\n");
      s.append(
              "  @PATCH @Path(\"{id}\") public String patch(@PathParam(\"id\") String id, String b) {")
          .append(" return id; }\n");
      s.append("  @GET @Path(\"{id}/children\") public String children() { return \"c\"; }\n");
      s.append("  @POST @Path(\"{id}/children\") public String add(String b) { return \"c\"; }\n");
      if (i % 7 == 0) {
        s.append("  @CorsAllowed(maxAge = 60)\n");
      }
      s.append("  @GET @Path(\"search\") public String search() { return \"s\"; }\n");
      if (i % 20 == 0) {
        s.append("  @CorsDisabled\n");
      }
      s.append("  @GET @Path(\"{id}/children/{c}\") public String child() { return \"c\"; }\n");
      s.append("}\n");
      Path file = src.resolve("R" + i + ".java");
      Files.writeString(file, s);
      files.add(file.toString());
    }
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> javacArgs = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath()));
    javacArgs.addAll(files);
    if (javac.run(null, null, null, javacArgs.toArray(new String[0])) != 0) {
      throw new IllegalStateException("could not compile the generated resources");
    }
    return classes;
  }

  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** The configuration: N exact origins and two patterns globally, two named policies. */
  static Map<String, String> config(int origins) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < origins; i++) {
      list.append(String.format(Locale.ROOT, APP, i)).append(", ");
    }
    list.append("https://*.tenants.example.net, http://localhost:*");
    Map<String, String> config = new LinkedHashMap<>();
    config.put("cors.allowed-origins", list.toString());
    config.put("cors.policy.partners.paths", "r1/*, r2/*");
    config.put(
        "cors.policy.partners.allowed-origins",
        "https://partner.example.org, https://*.partners.example.org");
    config.put("cors.policy.open.paths", "r3/*");
    config.put("cors.policy.open.allowed-origins", "*");
    String check = System.getProperty("scale.origin-check");
    if (check != null) {
      config.put("cors.origin-check", check);
    }
    return config;
  }

  static HttpServer start(Path classes, boolean cors, int origins) throws Exception {
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, ScaleRun.class.getClassLoader());
    ResourceConfig app =
        new ResourceConfig()
            .property("jakarta.ws.rs.loadServices", false)
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    for (int i = 0; i < CLASSES; i++) {
      app.register(Class.forName("gen.R" + i, true, loader));
    }
    if (cors) {
      app.register(CorsFeature.class);
    }
    ConfigProviderResolver.instance()
        .registerConfig(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(config(origins), "scale", 500))
                .build(),
            Thread.currentThread().getContextClassLoader());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:" + port + "/api/"), app);
  }

  static int port(HttpServer server) {
    return server.getListeners().iterator().next().getPort();
  }

  // ---- startup and live heap -----------------------------------------------------------------

  private static void child(boolean cors, int origins, String classes) throws Exception {
    HttpServer server = start(Path.of(classes), cors, origins);
    Answer first = send(port(server), "GET", "/api/r5/1", Map.of("Origin", String.format(APP, 0)));
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    if (first.status != 200 || (cors && first.allowOrigin == null)) {
      throw new IllegalStateException("unexpected first answer " + first);
    }
    long heap = usedHeapAfterGc();
    System.err.println("RESULT " + uptime + " " + heap);
    server.shutdownNow();
    System.exit(0);
  }

  private static void startup(String[] args) throws Exception {
    int starts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10, 1000, 10000);
    }
    Path classes = generate();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder table = new StringBuilder();
    table.append(
        "| origins | startup without (ms) | startup with (ms) | difference (ms) |"
            + " heap without (MB) | heap with (MB) | difference (MB) |\n");
    table.append("|---|---|---|---|---|---|---|\n");
    for (int origins : sizes) {
      long[][] startupMs = new long[2][starts];
      long[][] heap = new long[2][starts];
      for (int run = 0; run < starts; run++) {
        for (int k = 0; k < 2; k++) {
          boolean cors = (run + k) % 2 == 1;
          Process p =
              new ProcessBuilder(
                      java,
                      "-Xmx4g",
                      "-cp",
                      classPath(),
                      ScaleRun.class.getName(),
                      "child",
                      Boolean.toString(cors),
                      Integer.toString(origins),
                      classes.toString())
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
          p.waitFor();
          String result =
              err.lines()
                  .filter(l -> l.startsWith("RESULT "))
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("child failed:\n" + err));
          String[] parts = result.split(" ");
          int slot = cors ? 1 : 0;
          startupMs[slot][run] = Long.parseLong(parts[1]);
          heap[slot][run] = Long.parseLong(parts[2]);
          System.out.printf(
              Locale.ROOT,
              "origins=%d run=%d %s: startup %d ms, heap %.1f MB%n",
              origins,
              run,
              cors ? "with" : "without",
              startupMs[slot][run],
              heap[slot][run] / 1048576.0);
        }
      }
      long s0 = median(startupMs[0]);
      long s1 = median(startupMs[1]);
      double h0 = median(heap[0]) / 1048576.0;
      double h1 = median(heap[1]) / 1048576.0;
      table.append(
          String.format(
              Locale.ROOT,
              "| %,d | %d | %d | %+d | %.1f | %.1f | %+.1f |%n",
              origins,
              s0,
              s1,
              s1 - s0,
              h0,
              h1,
              h1 - h0));
    }
    System.out.println();
    System.out.println(
        "Median of " + starts + " alternating starts each, " + CLASSES * 10 + " resource methods:");
    System.out.print(table);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // ---- an origin check asked about 100,000 distinct origins ----------------------------------

  /** Allows the tenants with an even number: {@code https://t<even>.tenants.example.org}. */
  public static final class EvenTenants implements dev.corsjaxrs.CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      int start = "https://t".length();
      int end = origin.indexOf('.', start);
      return origin.startsWith("https://t")
          && end > start
          && (origin.charAt(end - 1) - '0') % 2 == 0
          && origin.endsWith(".tenants.example.org");
    }
  }

  private static void distinctOrigins(String[] args) throws Exception {
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    System.setProperty("scale.origin-check", EvenTenants.class.getName());
    HttpServer server = start(generate(), true, 10);
    int port = port(server);
    AtomicLong next = new AtomicLong();
    AtomicLong wrong = new AtomicLong();
    sendOrigins(port, 2_000, next, wrong, threads); // warm-up
    long before = usedHeapAfterGc();
    long start = System.nanoTime();
    sendOrigins(port, count, next, wrong, threads);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long after = usedHeapAfterGc();
    server.shutdownNow();
    double growth = (after - before) / 1048576.0;
    System.out.printf(
        Locale.ROOT,
        "origin check: %,d distinct origins in %.0f s, %d wrong answers; used heap after full GC"
            + " %.1f MB -> %.1f MB (%+.1f MB)%n",
        count,
        elapsed,
        wrong.get(),
        before / 1048576.0,
        after / 1048576.0,
        growth);
    System.exit(wrong.get() == 0 && growth <= 16 ? 0 : 1);
  }

  private static void sendOrigins(
      int port, int count, AtomicLong next, AtomicLong wrong, int threads)
      throws InterruptedException {
    long end = next.get() + count;
    inThreads(
        threads,
        () -> {
          for (long n = next.getAndIncrement(); n < end; n = next.getAndIncrement()) {
            String origin = "https://t" + n + ".tenants.example.org";
            int cls = 4 + (int) (n % (CLASSES - 4));
            String problem;
            try {
              Answer a = send(port, "GET", "/api/r" + cls + "/" + n, Map.of("Origin", origin));
              boolean allowed = n % 2 == 0;
              problem =
                  a.status() == 200
                          && (allowed ? origin.equals(a.allowOrigin()) : a.allowOrigin() == null)
                      ? null
                      : origin + ": " + a;
            } catch (IOException e) {
              problem = e.toString();
            }
            report(problem, wrong);
          }
        });
  }

  /** Counts a wrong answer and prints the first ten. */
  private static void report(String problem, AtomicLong wrong) {
    if (problem != null && wrong.incrementAndGet() <= 10) {
      System.out.println("WRONG: " + problem);
    }
  }

  /** Runs {@code body} in {@code threads} threads and waits for all of them. */
  private static void inThreads(int threads, Runnable body) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(body);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }

  // ---- hostile variety -----------------------------------------------------------------------

  private static void hostile(String[] args) throws Exception {
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int origins = args.length > 2 ? Integer.parseInt(args[2]) : 10000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    HttpServer server = start(generate(), true, origins);
    int port = port(server);
    AtomicLong requests = new AtomicLong();
    AtomicLong wrong = new AtomicLong();
    // Warm-up: every path once, so that the baseline holds what a normal run holds.
    runMix(port, origins, System.nanoTime() + 10_000_000_000L, requests, wrong, 2);
    long before = usedHeapAfterGc();
    long start = System.nanoTime();
    runMix(port, origins, start + seconds * 1_000_000_000L, requests, wrong, threads);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long after = usedHeapAfterGc();
    server.shutdownNow();
    double growth = (after - before) / 1048576.0;
    System.out.printf(
        Locale.ROOT,
        "hostile variety: %d s, %d threads, %,d requests (%,.0f/s), %d wrong answers;"
            + " used heap after full GC %.1f MB -> %.1f MB (%+.1f MB)%n",
        Math.round(elapsed),
        threads,
        requests.get(),
        requests.get() / elapsed,
        wrong.get(),
        before / 1048576.0,
        after / 1048576.0,
        growth);
    System.exit(wrong.get() == 0 && growth <= 16 ? 0 : 1);
  }

  private static void runMix(
      int port, int origins, long until, AtomicLong requests, AtomicLong wrong, int threads)
      throws InterruptedException {
    inThreads(
        threads,
        () -> {
          while (System.nanoTime() < until) {
            String problem;
            try {
              problem = oneRequest(port, origins);
            } catch (IOException e) {
              problem = e.toString();
            }
            requests.incrementAndGet();
            report(problem, wrong);
          }
        });
  }

  /** Sends one random request and checks its answer; returns what is wrong, or null. */
  private static String oneRequest(int port, int origins) throws IOException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Classes 1 and 2 (named policy "partners") and 3 ("open") are answered differently.
    int cls = 4 + random.nextInt(CLASSES - 4);
    String id = Long.toString(random.nextLong(1, Long.MAX_VALUE), 36);
    String[] paths = {"r" + cls, "r" + cls + "/" + id, "r" + cls + "/" + id + "/children"};
    String path = "/api/" + paths[random.nextInt(paths.length)];
    boolean credentials = cls % 10 == 0;
    switch (random.nextInt(3)) {
      case 0 -> {
        // A preflight with random header names from a listed origin.
        String origin = String.format(Locale.ROOT, APP, random.nextInt(origins));
        List<String> names = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
          names.add("x-" + Long.toString(random.nextLong(1, Long.MAX_VALUE), 36));
        }
        names.sort(null);
        String method = path.endsWith(id) ? "PUT" : "POST";
        Answer a =
            send(
                port,
                "OPTIONS",
                path,
                Map.of(
                    "Origin",
                    origin,
                    "Access-Control-Request-Method",
                    method,
                    "Access-Control-Request-Headers",
                    String.join(",", names)));
        String expectedHeaders = credentials ? String.join(", ", names) : "*";
        if (a.status != 200
            || !origin.equals(a.allowOrigin)
            || !expectedHeaders.equals(a.allowHeaders)) {
          return "OPTIONS " + path + " from " + origin + " " + names + ": " + a;
        }
      }
      case 1 -> {
        // An actual request from a random subdomain under an allowed pattern.
        String origin =
            "https://t"
                + Long.toString(random.nextLong(1, Long.MAX_VALUE), 36)
                + ".tenants.example.net";
        Answer a = send(port, "GET", path, Map.of("Origin", origin));
        if (a.status != 200 || !origin.equals(a.allowOrigin)) {
          return "GET " + path + " from " + origin + ": " + a;
        }
      }
      default -> {
        // An actual request from a random case variant of a listed origin.
        String origin = String.format(Locale.ROOT, APP, random.nextInt(origins));
        StringBuilder variant = new StringBuilder();
        for (char c : origin.toCharArray()) {
          variant.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        Answer a = send(port, "GET", path, Map.of("Origin", variant.toString()));
        if (a.status != 200 || !origin.equals(a.allowOrigin)) {
          return "GET " + path + " from " + variant + ": " + a;
        }
      }
    }
    return null;
  }

  /** The parts of an answer the checks read. */
  record Answer(int status, String allowOrigin, String allowHeaders) {}

  static Answer send(int port, String method, String path, Map<String, String> headers)
      throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(10_000);
    c.setReadTimeout(10_000);
    headers.forEach(c::setRequestProperty);
    int status = c.getResponseCode();
    try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    }
    return new Answer(
        status,
        c.getHeaderField("Access-Control-Allow-Origin"),
        c.getHeaderField("Access-Control-Allow-Headers"));
  }
}
