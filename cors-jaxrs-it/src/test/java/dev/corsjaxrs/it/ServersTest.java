package dev.corsjaxrs.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.it.war.EchoEndpoint;
import dev.corsjaxrs.it.war.ExportServlet;
import dev.corsjaxrs.it.war.GreetingsResource;
import dev.corsjaxrs.it.war.TenantOrigins;
import dev.corsjaxrs.it.war.TenantRegistry;
import dev.corsjaxrs.it.war.TenantsResource;
import dev.corsjaxrs.it.war.WarApplication;
import io.restassured.response.Response;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The servers run (profile {@code servers}): a WAR whose only CORS code is the cors-jaxrs
 * dependency, an annotated resource and {@code META-INF/microprofile-config.properties} is deployed
 * to Payara Micro and to WildFly, each started as a process of its own on loopback, and the same
 * wire checks run against each.
 */
class ServersTest {

  static final String APP = "https://app.example.com";
  static final Path TARGET = Path.of(System.getProperty("servers.dir", "target/servers"));

  @Test
  void payaraMicro() throws Exception {
    Path war = buildWar();
    int port = TestServer.freePort();
    Path jar = Path.of(System.getProperty("payara.jar"));
    String java =
        System.getProperty("servers.java21", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    assertThat(new File(java).canExecute())
        .as("a Java 21+ for Payara Micro 7 at %s (-Dservers.java21=...)", java)
        .isTrue();
    Path logging = TARGET.resolve("payara-logging.properties");
    Files.writeString(logging, Readme.recipe("jul"));
    List<String> command =
        List.of(
            java,
            "-jar",
            jar.toString(),
            "--logProperties",
            logging.toString(),
            "--deploy",
            war.toString(),
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--noHazelcast",
            "--disablephonehome");
    runAgainst("payara", command, TARGET, "http://127.0.0.1:" + port + "/cors-it/api", java);
    assertRefusalLogged(
        "Payara Micro with README's logging.properties", TARGET.resolve("payara.log"));
  }

  @Test
  void wildFly() throws Exception {
    Path war = buildWar();
    Path home =
        Files.list(TARGET.resolve("wildfly")).filter(Files::isDirectory).findFirst().orElseThrow();
    Path deployments = home.resolve("standalone/deployments");
    Files.copy(war, deployments.resolve("cors-it.war"), StandardCopyOption.REPLACE_EXISTING);
    // README's logging recipe, through the CLI on the embedded (stopped) server.
    Path config = home.resolve("standalone/configuration/standalone-microprofile.xml");
    Path pristine = config.resolveSibling("standalone-microprofile.xml.as-shipped");
    if (!Files.exists(pristine)) {
      Files.copy(config, pristine);
    }
    Files.copy(pristine, config, StandardCopyOption.REPLACE_EXISTING);
    Path serverLog = home.resolve("standalone/log/server.log");
    Files.deleteIfExists(serverLog);
    Process cli =
        new ProcessBuilder(
                "bash",
                home.resolve("bin/jboss-cli.sh").toString(),
                "--commands=embed-server --server-config=standalone-microprofile.xml,"
                    + Readme.recipe("wildfly").strip()
                    + ",stop-embedded-server")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(TARGET.resolve("wildfly-cli.log").toFile())
            .start();
    assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).as("jboss-cli (see target/servers/wildfly-cli.log)").isZero();
    int http = TestServer.freePort();
    List<String> command = wildFlyCommand(home, http);
    runAgainst("wildfly", command, home, "http://127.0.0.1:" + http + "/cors-it/api", ownJava());
    assertRefusalLogged("WildFly with README's logger", serverLog);
  }

  /** WildFly's MicroProfile configuration on loopback, HTTP on {@code http}, the rest free. */
  private static List<String> wildFlyCommand(Path home, int http) {
    return List.of(
        "bash",
        home.resolve("bin/standalone.sh").toString(),
        "-c",
        "standalone-microprofile.xml",
        "-Djboss.bind.address=127.0.0.1",
        "-Djboss.bind.address.management=127.0.0.1",
        "-Djboss.http.port=" + http,
        "-Djboss.https.port=" + TestServer.freePort(),
        "-Djboss.management.http.port=" + TestServer.freePort(),
        "-Djboss.management.https.port=" + TestServer.freePort());
  }

  /**
   * WildFly configured through environment variables only, as in a container (API.md v1.3): the
   * WAR's properties file is empty, the server's environment carries every key.
   */
  @Test
  void wildFlyConfiguredByEnvironmentVariablesOnly() throws Exception {
    Path war =
        buildWar(
            "cors-it.war",
            "# configured by environment variables only\n".getBytes(StandardCharsets.UTF_8));
    Path home =
        Files.list(TARGET.resolve("wildfly")).filter(Files::isDirectory).findFirst().orElseThrow();
    Files.copy(
        war,
        home.resolve("standalone/deployments/cors-it.war"),
        StandardCopyOption.REPLACE_EXISTING);
    int http = TestServer.freePort();
    List<String> command = wildFlyCommand(home, http);
    runAgainst(
        "wildfly-environment",
        command,
        home,
        "http://127.0.0.1:" + http + "/cors-it/api",
        ownJava(),
        null,
        Map.of(
            "CORS_ALLOWED_ORIGINS", "https://app.example.com",
            "CORS_EXPOSED_HEADERS", "X-Count",
            "CORS_MAX_AGE", "600",
            "CORS_SERVLET_PATHS", "/files/*, /export, /ws/*, /api/*",
            "CORS_ALLOWED_HOSTS", "127.0.0.1",
            "CORS_SOMETHING_ELSE", "another tool's variable"));
  }

  /**
   * {@code cors.servlet.paths} in a WAR without cors-jaxrs-servlet fails the deployment on WildFly,
   * naming the artifact: a path the operator asked to cover is never silently uncovered.
   */
  @Test
  void wildFlyRefusesServletPathsWithoutTheServletArtifact() throws Exception {
    Path war =
        buildWar(
            "cors-nodoor.war",
            "cors.allowed-origins=https://app.example.com\ncors.servlet.paths=/files/*\n"
                .getBytes(StandardCharsets.ISO_8859_1),
            REST_CLASSES,
            false);
    Path home =
        Files.list(TARGET.resolve("wildfly")).filter(Files::isDirectory).findFirst().orElseThrow();
    Path deployments = home.resolve("standalone/deployments");
    Files.deleteIfExists(deployments.resolve("cors-it.war"));
    Files.deleteIfExists(deployments.resolve("cors-nodoor.war.failed"));
    Files.copy(war, deployments.resolve("cors-nodoor.war"), StandardCopyOption.REPLACE_EXISTING);
    Path log = TARGET.resolve("wildfly-nodoor.log");
    ProcessBuilder builder =
        new ProcessBuilder(wildFlyCommand(home, TestServer.freePort()))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", Path.of(ownJava()).getParent().getParent().toString());
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      String text = "";
      while (System.nanoTime() < deadline
          && !text.contains("cors-jaxrs-servlet")
          && !text.contains("WFLYSRV0025")) {
        Thread.sleep(200);
        text = Files.readString(log, StandardCharsets.ISO_8859_1);
      }
      assertThat(text)
          .as("WildFly's log (%s)", log)
          .contains("cors.servlet.paths is set ([files/*]) but the servlet door is not deployed")
          .contains("dev.corsjaxrs:cors-jaxrs-servlet");
      for (int i = 0;
          i < 100 && !Files.exists(deployments.resolve("cors-nodoor.war.failed"));
          i++) {
        Thread.sleep(100);
      }
      assertThat(deployments.resolve("cors-nodoor.war.failed")).exists();
      System.err.println("servers: wildfly refuses cors.servlet.paths without the servlet door");
    } finally {
      stop(process);
      Files.deleteIfExists(deployments.resolve("cors-nodoor.war"));
      Files.deleteIfExists(deployments.resolve("cors-nodoor.war.failed"));
    }
  }

  @Test
  void glassFish() throws Exception {
    Path war = buildWar();
    String java =
        System.getProperty("servers.java21", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    Path home = TARGET.resolve("glassfish/glassfish8");
    Path domain = home.resolve("glassfish/domains/domain1");
    Path config = domain.resolve("config/domain.xml");
    Path pristine = config.resolveSibling("domain.xml.as-shipped");
    if (!Files.exists(pristine)) {
      Files.copy(config, pristine);
    }
    String xml = Files.readString(pristine, StandardCharsets.UTF_8);
    int http = TestServer.freePort();
    // Every listener on a free port, on loopback.
    Matcher ports = Pattern.compile("port=\"(\\d+)\"").matcher(xml);
    StringBuilder moved = new StringBuilder();
    while (ports.find()) {
      int port = ports.group(1).equals("8080") ? http : TestServer.freePort();
      ports.appendReplacement(moved, "port=\"" + port + "\"");
    }
    ports.appendTail(moved);
    Files.writeString(
        config,
        moved.toString().replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\""),
        StandardCharsets.UTF_8);
    Files.copy(war, domain.resolve("autodeploy/cors-it.war"), StandardCopyOption.REPLACE_EXISTING);
    // README's logging recipe: one line in the domain's logging.properties.
    Path logging = domain.resolve("config/logging.properties");
    Path shipped = logging.resolveSibling("logging.properties.as-shipped");
    if (!Files.exists(shipped)) {
      Files.copy(logging, shipped);
    }
    Files.writeString(
        logging,
        Files.readString(shipped, StandardCharsets.ISO_8859_1) + "\n" + Readme.recipe("glassfish"),
        StandardCharsets.ISO_8859_1);
    Path serverLog = domain.resolve("logs/server.log");
    Files.deleteIfExists(serverLog);
    runAgainst(
        "glassfish",
        List.of(
            "bash", home.resolve("bin/asadmin").toString(), "start-domain", "--verbose", "domain1"),
        home,
        "http://127.0.0.1:" + http + "/cors-it/api",
        java);
    assertRefusalLogged("GlassFish with README's logging.properties line", serverLog);
  }

  /**
   * The refused preflight of {@link WireChecks#checkTheWire} left its FINE line in a server's log.
   */
  private static void assertRefusalLogged(String server, Path log) throws Exception {
    String text = "";
    for (int i = 0; i < 50; i++) {
      text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
      if (text.contains("CORS refused preflight PUT /greetings")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(text).as("%s: %s", server, log).contains("CORS refused preflight PUT /greetings");
    System.err.println("servers: " + server + " logs the refusal line");
  }

  /**
   * Open Liberty starts Jakarta REST only with the first request; the jar's servlet container
   * initializer validates the configuration at deployment, so that a bad one fails the deployment
   * there as on the other servers.
   */
  @Test
  void openLibertyRefusesABadConfigurationAtDeployment() throws Exception {
    Path war =
        buildWar(
            "cors-bad.war",
            "cors.allowed-origins=*\ncors.allow-credentials=true\n"
                .getBytes(StandardCharsets.ISO_8859_1));
    int http = TestServer.freePort();
    Path log = TARGET.resolve("liberty-bad.log");
    Process process = startLiberty("cors-bad", war, log, libertyServerXml(http));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      String text = "";
      while (System.nanoTime() < deadline
          && !(text = Files.readString(log, StandardCharsets.ISO_8859_1)).contains("CWWKZ0012I")
          && !text.contains("CWWKZ0001I")) {
        assertThat(process.isAlive()).as("server process (see %s)", log).isTrue();
        Thread.sleep(500);
      }
      assertThat(text)
          .as("Liberty's log (%s)", log)
          .contains("CWWKZ0012I: The application cors-bad was not started")
          .contains("Invalid CORS policy: origins '*' (from cors.allowed-origins)")
          .doesNotContain("CWWKZ0001I");
      Response greeting =
          given().header("Origin", APP).get("http://127.0.0.1:" + http + "/cors-bad/api/greetings");
      assertThat(greeting.statusCode()).isNotEqualTo(200);
      System.err.println("servers: liberty refused the bad configuration at deployment");
    } finally {
      stop(process);
    }
  }

  /**
   * Starts an Open Liberty server of its own with one WAR in its dropins, logging to {@code log}.
   */
  private static Process startLiberty(String name, Path war, Path log, String serverXml)
      throws IOException {
    Path wlp = TARGET.resolve("liberty/wlp");
    Path server = wlp.resolve("usr/servers/" + name);
    Files.createDirectories(server.resolve("dropins"));
    Files.copy(
        war, server.resolve("dropins/" + name + ".war"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(server.resolve("server.xml"), serverXml);
    ProcessBuilder builder =
        new ProcessBuilder("bash", wlp.resolve("bin/server").toString(), "run", name)
            .directory(wlp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return builder.start();
  }

  /**
   * Open Liberty's own {@code <cors>} element for the application's path, a second CORS layer the
   * application cannot see: Liberty answers every preflight itself, a {@code @CorsDisabled}
   * method's included, and writes {@code *} on the actual responses this module refused. README
   * ("One CORS layer only") says so; this test keeps it true.
   */
  @Test
  void openLibertysCorsElementOverrulesTheModule() throws Exception {
    int http = TestServer.freePort();
    Path log = TARGET.resolve("liberty-cors.log");
    String serverXml =
        libertyServerXml(http)
            .replace(
                "</server>",
                "  <cors domain=\"/liberty-cors/api\" allowedOrigins=\"*\""
                    + " allowedMethods=\"GET, PUT, DELETE\"/>\n</server>");
    Process liberty = startLiberty("liberty-cors", buildWar(), log, serverXml);
    try {
      String base = "http://127.0.0.1:" + http + "/liberty-cors/api";
      waitUntilUp(liberty, base + "/greetings", log);
      Response disabled =
          given()
              .header("Origin", APP)
              .header("Access-Control-Request-Method", "DELETE")
              .options(base + "/greetings");
      assertThat(disabled.statusCode()).isEqualTo(200);
      assertThat(disabled.headers().getValues("Access-Control-Allow-Origin")).containsExactly("*");
      Response refused = given().header("Origin", "https://evil.example").get(base + "/greetings");
      assertThat(refused.headers().getValues("Access-Control-Allow-Origin")).containsExactly("*");
      Response allowed = given().header("Origin", APP).get(base + "/greetings");
      assertThat(allowed.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
      System.err.println(
          "servers: liberty with <cors> answers a @CorsDisabled preflight and a refused origin"
              + " with *");
    } finally {
      stop(liberty);
    }
  }

  /** Stops a server and everything it started. */
  private static void stop(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static String libertyServerXml(int http) {
    return libertyServerXml(http, "restfulWS-3.1", "mpConfig-3.1", "cdi-4.0", "websocket-2.1");
  }

  private static String libertyServerXml(int http, String... features) {
    StringBuilder enabled = new StringBuilder();
    for (String feature : features) {
      enabled.append("    <feature>").append(feature).append("</feature>\n");
    }
    return "<server>\n"
        + "  <featureManager>\n"
        + enabled
        + "  </featureManager>\n"
        + "  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\""
        + http
        + "\" httpsPort=\"-1\"/>\n"
        + "  <logging consoleLogLevel=\"INFO\"/>\n"
        + "</server>\n";
  }

  /**
   * Open Liberty with MicroProfile Telemetry 2 as well ({@code mpTelemetry-2.0}, the SDK on, its
   * metrics exported to the log every second, the OpenTelemetry API visible to the application as
   * Liberty asks, {@code +third-party}): {@code cors.requests} shows in the server's log.
   */
  @Test
  void openLiberty() throws Exception {
    Path war = buildWar();
    Path wlp = TARGET.resolve("liberty/wlp");
    Path server = wlp.resolve("usr/servers/cors");
    Files.createDirectories(server.resolve("apps"));
    // a WAR left in dropins by an older layout of this test would start instead of apps/'s
    Files.deleteIfExists(server.resolve("dropins/cors-it.war"));
    Files.copy(war, server.resolve("apps/cors-it.war"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        server.resolve("bootstrap.properties"),
        "otel.sdk.disabled=false\notel.metrics.exporter=logging\notel.metric.export.interval=1000\n"
            + "otel.traces.exporter=none\notel.logs.exporter=none\n");
    int http = TestServer.freePort();
    String serverXml =
        libertyServerXml(
                http,
                "restfulWS-3.1",
                "mpConfig-3.1",
                "cdi-4.0",
                "websocket-2.1",
                "mpTelemetry-2.0")
            .replace(
                "</server>",
                "  <webApplication location=\"cors-it.war\" contextRoot=\"/cors-it\">\n"
                    + "    <classloader apiTypeVisibility=\"+third-party\"/>\n"
                    + "  </webApplication>\n</server>");
    Files.writeString(server.resolve("server.xml"), serverXml);
    runAgainst(
        "liberty",
        List.of("bash", wlp.resolve("bin/server").toString(), "run", "cors"),
        wlp,
        "http://127.0.0.1:" + http + "/cors-it/api",
        ownJava(),
        "cors.requests");
  }

  /**
   * Open Liberty with exactly the features README names as the minimum, {@code restfulWS-3.1} and
   * {@code mpConfig-3.1} (the Servlet API is then hidden from the application), and a WAR of
   * Jakarta REST resources with cors-jaxrs alone, no servlet door (API.md v1.3): every Jakarta REST
   * check passes.
   */
  @Test
  void openLibertyWithTheMinimalFeatures() throws Exception {
    Path war = buildWar("cors-min.war", restOnlyProperties(), REST_CLASSES, false);
    int http = TestServer.freePort();
    Path log = TARGET.resolve("liberty-min.log");
    Files.deleteIfExists(TARGET.resolve("liberty/wlp/usr/servers/cors-min/logs/trace.log"));
    Process process =
        startLiberty(
            "cors-min",
            war,
            log,
            libertyServerXml(http, "restfulWS-3.1", "mpConfig-3.1")
                .replace("</server>", Readme.recipe("liberty") + "</server>"));
    try {
      String base = "http://127.0.0.1:" + http + "/cors-min/api";
      waitUntilUp(process, base + "/greetings", log);
      WireChecks.checkTheWire(base);
      assertRefusalLogged(
          "Open Liberty with README's trace specification",
          TARGET.resolve("liberty/wlp/usr/servers/cors-min/logs/trace.log"));
      assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
          .as("Liberty's log (%s)", log)
          .doesNotContain("CWWKZ0012I")
          .contains("CORS /greetings [GET]: origins=[https://app.example.com]");
      System.err.println("servers: liberty with restfulWS-3.1 + mpConfig-3.1 passes the checks");
    } finally {
      stop(process);
    }
  }

  /**
   * The README's quick start as it is: the WAR that {@code examples/war} builds (its only CORS code
   * is the dependency, one {@code @CorsAllowed} and one properties line), on Open Liberty with the
   * minimal features README names.
   */
  @Test
  void theQuickStartWarOnOpenLiberty() throws Exception {
    Path war = Path.of(System.getProperty("example.war"));
    int http = TestServer.freePort();
    Path log = TARGET.resolve("liberty-example.log");
    Process process =
        startLiberty(
            "cors-example", war, log, libertyServerXml(http, "restfulWS-3.1", "mpConfig-3.1"));
    try {
      String base = "http://127.0.0.1:" + http + "/cors-example/api";
      waitUntilUp(process, base + "/items", log);
      Response allowed = given().header("Origin", APP).get(base + "/items");
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
      Response other = given().header("Origin", "https://evil.example").get(base + "/items");
      assertThat(other.headers().getValues("Access-Control-Allow-Origin")).isEmpty();
      Response admin =
          given()
              .header("Origin", "https://admin.example.com")
              .header("Access-Control-Request-Method", "DELETE")
              .options(base + "/items/1");
      assertThat(admin.statusCode()).isEqualTo(200);
      assertThat(admin.headers().getValues("Access-Control-Allow-Methods"))
          .containsExactly("DELETE");
      Response app =
          given()
              .header("Origin", APP)
              .header("Access-Control-Request-Method", "DELETE")
              .options(base + "/items/1");
      assertThat(app.statusCode()).isEqualTo(403);
      System.err.println("servers: liberty runs the quick start's WAR (examples/war)");
    } finally {
      stop(process);
    }
  }

  /** The java of this JVM, which WildFly and Open Liberty run on (JAVA_HOME). */
  private static String ownJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The first line {@code java -version} prints. */
  private static String javaVersion(String java) throws Exception {
    Process version = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    version.waitFor(30, TimeUnit.SECONDS);
    return out.lines().findFirst().orElse("?");
  }

  private static final Pattern SERVER_VERSION =
      Pattern.compile(
          "WildFly \\S+ \\(WildFly Core \\S+\\)|Payara Micro \\S+ \\(build \\d+\\)"
              + "|Open Liberty [0-9.]+|GlassFish \\S+ \\(build [^)]*\\)|Eclipse GlassFish [0-9.]+");

  private static void runAgainst(
      String name, List<String> command, Path dir, String base, String java) throws Exception {
    runAgainst(name, command, dir, base, java, null, Map.of());
  }

  private static void runAgainst(
      String name, List<String> command, Path dir, String base, String java, String exported)
      throws Exception {
    runAgainst(name, command, dir, base, java, exported, Map.of());
  }

  /**
   * Starts a server, runs the wire checks, and reads its log.
   *
   * @param exported a text the server's log must show within 15 s of the checks (an exported
   *     metric), or null
   */
  private static void runAgainst(
      String name,
      List<String> command,
      Path dir,
      String base,
      String java,
      String exported,
      Map<String, String> environment)
      throws Exception {
    Path log = TARGET.resolve(name + ".log");
    long start = System.nanoTime();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      waitUntilUp(process, base + "/greetings", log);
      double startSeconds = (System.nanoTime() - start) / 1e9;
      long checks = System.nanoTime();
      WireChecks.checkTheWire(base);
      checkOutsideJakartaRest(base.substring(0, base.length() - "/api".length()));
      String serverLog = Files.readString(log, StandardCharsets.ISO_8859_1);
      for (int i = 0; exported != null && i < 150 && !serverLog.contains(exported); i++) {
        Thread.sleep(100);
        serverLog = Files.readString(log, StandardCharsets.ISO_8859_1);
      }
      if (exported != null) {
        Matcher metric =
            Pattern.compile("[^\\n]*" + Pattern.quote(exported) + "[^\\n]*").matcher(serverLog);
        assertThat(metric.find()).as("%s in the log of %s", exported, name).isTrue();
        System.err.printf(
            Locale.ROOT,
            "servers: %s exported %s%n",
            name,
            metric.group().substring(0, Math.min(600, metric.group().length())));
      }
      assertThat(serverLog)
          .as("the deployment's INFO line")
          .contains(
              "CORS /greetings [GET]: origins=[https://app.example.com] (cors.allowed-origins)")
          .contains(
              "CORS /tenants [GET, PUT]: origins=[https://app.example.com] + check "
                  + TenantOrigins.class.getName())
          .contains(
              "CORS servlet /files/* (cors.servlet.paths): origins=[https://app.example.com]");
      Matcher version = SERVER_VERSION.matcher(serverLog);
      System.err.printf(
          Locale.ROOT,
          "servers: %s up in %.1f s, wire checks in %.1f s; %s on %s%n",
          name,
          startSeconds,
          (System.nanoTime() - checks) / 1e9,
          version.find() ? version.group() : "version not in the log",
          javaVersion(java));
    } finally {
      stop(process);
    }
  }

  private static void waitUntilUp(Process process, String url, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("server process (see %s)", log).isTrue();
      try {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(5000);
        if (connection.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not up within 180 s: " + url + " (see " + log + ")");
  }

  /** The paths of {@code cors.servlet.paths} that Jakarta REST does not serve. */
  static void checkOutsideJakartaRest(String context) throws IOException {
    Response file = given().header("Origin", APP).get(context + "/files/hello.txt");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body().asString()).isEqualTo("hello file\n");
    assertThat(file.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(file.headers().getValues("Vary")).containsExactly("Origin");
    Response fileRefused =
        given().header("Origin", "https://evil.example").get(context + "/files/hello.txt");
    assertThat(fileRefused.statusCode()).isEqualTo(200);
    assertThat(fileRefused.header("Access-Control-Allow-Origin")).isNull();
    Response filePreflight =
        given()
            .header("Origin", APP)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "x-token")
            .options(context + "/files/hello.txt");
    assertThat(filePreflight.statusCode()).isEqualTo(200);
    assertThat(filePreflight.headers().getValues("Access-Control-Allow-Origin"))
        .containsExactly(APP);
    assertThat(filePreflight.headers().getValues("Access-Control-Allow-Methods"))
        .containsExactly("GET, HEAD, POST");
    Response exportPreflight =
        given()
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "GET")
            .options(context + "/export");
    assertThat(exportPreflight.statusCode()).isEqualTo(403);
    assertThat(exportPreflight.header("Access-Control-Allow-Origin")).isNull();
    Response export = given().header("Origin", APP).get(context + "/export");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().getValues("Access-Control-Allow-Origin")).containsExactly(APP);

    // cors.allowed-hosts: a foreign Host gets 400 without CORS headers, at both doors.
    for (String path : List.of("/api/greetings", "/files/hello.txt")) {
      String head = headFor(context, path, "rebound.example");
      assertThat(head).as("foreign Host on %s", path).startsWith("HTTP/1.1 400");
      assertThat(head.toLowerCase(Locale.ROOT)).doesNotContain("access-control-");
      assertThat(headFor(context, path, "127.0.0.1")).as("listed host").startsWith("HTTP/1.1 200");
    }

    // WebSocket handshakes: a real client handshake, then one text frame each way.
    assertThat(webSocket(context, "https://evil.example")).startsWith("HTTP/1.1 403");
    assertThat(webSocket(context, APP)).isEqualTo("echo: ping");
    assertThat(webSocket(context, null)).isEqualTo("echo: ping");
    // Any Upgrade from a refused origin counts as a handshake, whatever the server would upgrade.
    for (List<String> upgrade :
        List.of(
            List.of("foo"),
            List.of("websocket, foo"),
            List.of("WebSocket"),
            List.of("foo", "websocket"))) {
      assertThat(handshakeStatus(context, "https://evil.example", upgrade))
          .as("Upgrade %s", upgrade)
          .startsWith("HTTP/1.1 403");
    }
  }

  /** The status line and headers of a GET with {@code Origin} and this host (and the port). */
  static String headFor(String context, String path, String host) throws IOException {
    URI uri = URI.create(context + path);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String request =
          "GET "
              + uri.getPath()
              + " HTTP/1.1\r\nHost: "
              + host
              + ":"
              + uri.getPort()
              + "\r\nOrigin: "
              + APP
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String response =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      return response.split("\r\n\r\n", 2)[0];
    }
  }

  /** The status line of a handshake with these {@code Upgrade} lines. */
  static String handshakeStatus(String context, String origin, List<String> upgrade)
      throws IOException {
    URI uri = URI.create(context + "/ws/echo");
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      StringBuilder request =
          new StringBuilder("GET ")
              .append(uri.getPath())
              .append(" HTTP/1.1\r\nHost: ")
              .append(uri.getHost())
              .append(':')
              .append(uri.getPort())
              .append("\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
              .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: ")
              .append(origin)
              .append("\r\n");
      for (String line : upgrade) {
        request.append("Upgrade: ").append(line).append("\r\n");
      }
      socket
          .getOutputStream()
          .write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      java.io.BufferedReader in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String status = in.readLine();
      return status == null ? "(closed)" : status;
    }
  }

  /**
   * Opens {@code ws/echo} with an {@code Origin} (or none), sends "ping" and returns the echo, or
   * the status line where the handshake is refused.
   */
  static String webSocket(String context, String origin) throws IOException {
    URI uri = URI.create(context + "/ws/echo");
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String request =
          "GET "
              + uri.getPath()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + (origin == null ? "" : "Origin: " + origin + "\r\n")
              + "\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      java.io.InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      String status = head.toString().lines().findFirst().orElse("");
      if (!status.startsWith("HTTP/1.1 101")) {
        return status;
      }
      byte[] payload = "ping".getBytes(StandardCharsets.UTF_8);
      byte[] mask = {1, 2, 3, 4};
      out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length)});
      out.write(mask);
      for (int i = 0; i < payload.length; i++) {
        out.write(payload[i] ^ mask[i % 4]);
      }
      out.flush();
      int opcode = in.read();
      int length = in.read() & 0x7f;
      byte[] echo = in.readNBytes(length);
      assertThat(opcode).isEqualTo(0x81);
      return new String(echo, StandardCharsets.UTF_8);
    }
  }

  /** cors-it.war: the two WAR classes, the properties file and the cors-jaxrs jar. */
  static Path buildWar() throws IOException {
    return buildWar(
        "cors-it.war", Files.readAllBytes(Path.of("src/test/war/microprofile-config.properties")));
  }

  static final List<Class<?>> WAR_CLASSES =
      List.of(
          WarApplication.class,
          GreetingsResource.class,
          TenantsResource.class,
          TenantOrigins.class,
          TenantRegistry.class,
          ExportServlet.class,
          EchoEndpoint.class);

  /** The same WAR under another name, with other configuration. */
  static Path buildWar(String name, byte[] properties) throws IOException {
    return buildWar(name, properties, WAR_CLASSES);
  }

  /**
   * A WAR of these classes, the properties file, a static file, the cors-jaxrs jar and the
   * cors-jaxrs-servlet jar.
   */
  static Path buildWar(String name, byte[] properties, List<Class<?>> warClasses)
      throws IOException {
    return buildWar(name, properties, warClasses, true);
  }

  /** The Jakarta REST classes of the WAR: no servlet, no WebSocket endpoint. */
  static final List<Class<?>> REST_CLASSES =
      List.of(
          WarApplication.class,
          GreetingsResource.class,
          TenantsResource.class,
          TenantOrigins.class,
          TenantRegistry.class);

  /** The WAR's properties less {@code cors.servlet.paths}: for a Jakarta REST-only WAR. */
  static byte[] restOnlyProperties() throws IOException {
    return Files.readString(Path.of("src/test/war/microprofile-config.properties"))
        .lines()
        .filter(line -> !line.startsWith("cors.servlet.paths"))
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A WAR of these classes, the properties file, a static file and the jars named. */
  static Path buildWar(
      String name, byte[] properties, List<Class<?>> warClasses, boolean withServletDoor)
      throws IOException {
    Files.createDirectories(TARGET);
    Path war = TARGET.resolve(name);
    Path classes =
        Path.of(WarApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
      for (Class<?> type : warClasses) {
        String entry = type.getName().replace('.', '/') + ".class";
        add(zip, "WEB-INF/classes/" + entry, Files.readAllBytes(classes.resolve(entry)));
      }
      add(zip, "WEB-INF/classes/META-INF/microprofile-config.properties", properties);
      add(zip, "files/hello.txt", Files.readAllBytes(Path.of("src/test/war/hello.txt")));
      for (String jar :
          withServletDoor
              ? List.of("cors-jaxrs.jar", "cors-jaxrs-servlet.jar")
              : List.of("cors-jaxrs.jar")) {
        Path library = Path.of(System.getProperty(jar));
        add(zip, "WEB-INF/lib/" + library.getFileName(), Files.readAllBytes(library));
      }
    }
    return war;
  }

  private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    OutputStream out = zip;
    out.write(content);
    zip.closeEntry();
  }
}
