package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser's verdict: headless Chromium loads a page from one origin and calls the API on
 * another with {@code fetch()}; what the page gets back is what the browser allowed. Pages come
 * from {@code http://127.0.0.1:A} (allowed), {@code http://127.0.0.1:C} (not allowed) and {@code
 * http://localhost:D} (allowed, same site as the API, so the API's cookie goes along); the API is
 * on {@code http://localhost:B}. Needs Debian's {@code chromium} and {@code chromium-driver};
 * skipped with a message where they are missing, except in CI, where that is a failure.
 */
class BrowserTest {

  static TestServer api;
  static int allowedPort;
  static int refusedPort;
  static int sameSitePort;
  static ChromeDriver browser;

  static String apiBase() {
    return "http://localhost:" + api.port + "/api";
  }

  @BeforeAll
  static void start() throws IOException {
    allowedPort = startPageServer();
    refusedPort = startPageServer();
    sameSitePort = startPageServer();

    api =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                "http://127.0.0.1:" + allowedPort + ", http://localhost:" + sameSitePort,
                "cors.exposed-headers",
                "X-Total",
                "cors.max-age",
                "600",
                "cors.allowed-methods",
                "GET, HEAD, POST, PUT, DELETE"),
            BrowserResources.RequestLog.class,
            BrowserResources.Shared.class,
            BrowserResources.Data.class,
            BrowserResources.Private.class,
            BrowserResources.Login.class,
            BrowserResources.Session.class,
            BrowserResources.Tenants.class);
    BrowserResources.PageCheck.allowed = "http://127.0.0.1:" + refusedPort;

    browser = startBrowser();
  }

  /**
   * Starts headless Chromium through the system's chromedriver (never a downloaded one); skips the
   * calling test class with a message where they are missing, except in CI, where that fails.
   */
  static ChromeDriver startBrowser() throws IOException {
    File chromium = find("chromium", "chromium-browser", "google-chrome");
    File driver = find("chromedriver");
    boolean ci = System.getenv("CI") != null;
    if (!ci) {
      assumeTrue(
          chromium != null && driver != null,
          "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does).");
    }
    assertThat(chromium).as("chromium on the PATH (apt-get install chromium)").isNotNull();
    assertThat(driver).as("chromedriver on the PATH (apt-get install chromium-driver)").isNotNull();

    // A fresh profile under target/, so that no cookie or cached preflight carries over.
    Path profile =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return chrome;
  }

  static final List<HttpServer> PAGE_SERVERS = new ArrayList<>();

  /** Serves a blank page on a free loopback port: one origin to fetch from. */
  static int startPageServer() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] page = "<!doctype html><title>page</title>page".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    server.start();
    PAGE_SERVERS.add(server);
    return server.getAddress().getPort();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (api != null) {
      api.close();
    }
    PAGE_SERVERS.forEach(server -> server.stop(0));
  }

  static File find(String... names) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : names) {
        File file = new File(dir, name);
        if (file.canExecute()) {
          return file;
        }
      }
    }
    return null;
  }

  /** Opens a page on that origin and runs fetch(url, init) in it; returns what the page saw. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fetchFrom(String pageOrigin, String url, String init) {
    browser.get(pageOrigin + "/");
    Object result =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], JSON.parse(arguments[1]))"
                    + ".then(async r => done({ok: true, status: r.status, body: await r.text(),"
                    + " total: r.headers.get('X-Total'), hidden: r.headers.get('X-Hidden')}))"
                    + ".catch(e => done({ok: false, error: String(e)}));",
                url,
                init);
    return (Map<String, Object>) result;
  }

  static String allowedPage() {
    return "http://127.0.0.1:" + allowedPort;
  }

  @Test
  void simpleGetFromAnAllowedOriginIsReadable() {
    Map<String, Object> seen = fetchFrom(allowedPage(), apiBase() + "/data", "{}");
    assertThat(seen)
        .containsEntry("ok", true)
        .containsEntry("status", 200L)
        .containsEntry("body", "hello");
  }

  @Test
  void theSameGetFromAnOriginThatIsNotAllowedIsBlocked() {
    Map<String, Object> seen =
        fetchFrom("http://127.0.0.1:" + refusedPort, apiBase() + "/data", "{}");
    assertThat(seen).containsEntry("ok", false);
    assertThat((String) seen.get("error")).contains("Failed to fetch");
  }

  @Test
  void aPageOnAnOriginOnlyTheOriginCheckAllowsReadsTheResponse() {
    String checkedPage = "http://127.0.0.1:" + refusedPort;
    assertThat(fetchFrom(checkedPage, apiBase() + "/tenants", "{}"))
        .containsEntry("ok", true)
        .containsEntry("body", "tenant data");
    assertThat(
            fetchFrom(
                checkedPage,
                apiBase() + "/tenants",
                "{\"method\": \"PUT\", \"headers\": {\"Content-Type\": \"application/json\","
                    + " \"X-Tenant\": \"1\"}, \"body\": \"{}\"}"))
        .containsEntry("ok", true)
        .containsEntry("body", "tenant put");
  }

  @Test
  void aPageTheOriginCheckRefusesIsBlocked() {
    Map<String, Object> seen = fetchFrom(allowedPage(), apiBase() + "/tenants", "{}");
    assertThat(seen).containsEntry("ok", false);
    assertThat((String) seen.get("error")).contains("Failed to fetch");
  }

  @Test
  void preflightedPutWithJsonAndACustomHeaderIsAllowed() {
    Map<String, Object> seen =
        fetchFrom(
            allowedPage(),
            apiBase() + "/data/put-once",
            "{\"method\": \"PUT\", \"headers\": {\"Content-Type\": \"application/json\","
                + " \"X-Request-Id\": \"42\"}, \"body\": \"{\\\"a\\\": 1}\"}");
    assertThat(seen).containsEntry("ok", true).containsEntry("status", 200L);
    assertThat((String) seen.get("body")).isEqualTo("stored put-once {\"a\": 1}");
    assertThat(BrowserResources.REQUEST_LOG)
        .contains("OPTIONS /data/put-once", "PUT /data/put-once");
  }

  @Test
  void deleteIsRefusedByMethodAndNeverSent() {
    BrowserResources.REQUEST_LOG.clear();
    Map<String, Object> seen =
        fetchFrom(allowedPage(), apiBase() + "/data", "{\"method\": \"DELETE\"}");
    assertThat(seen).containsEntry("ok", false);
    assertThat(BrowserResources.REQUEST_LOG)
        .contains("OPTIONS /data")
        .doesNotContain("DELETE /data");
  }

  @Test
  void aMethodWithItsOwnPolicyIsPreflightedAfterAnotherMethodsPreflightWasCached() {
    BrowserResources.REQUEST_LOG.clear();
    String url = apiBase() + "/shared";
    Map<String, Object> put =
        fetchFrom(
            allowedPage(),
            url,
            "{\"method\": \"PUT\", \"headers\": {\"Content-Type\": \"application/json\"},"
                + " \"body\": \"1\"}");
    assertThat(put).containsEntry("ok", true).containsEntry("body", "put");
    // The PUT's cached answer does not list DELETE, whose own policy refuses this origin: the
    // browser asks again, is refused, and never sends the DELETE.
    Map<String, Object> delete = fetchFrom(allowedPage(), url, "{\"method\": \"DELETE\"}");
    assertThat(delete).containsEntry("ok", false);
    assertThat(BrowserResources.REQUEST_LOG)
        .containsSubsequence("OPTIONS /shared", "PUT /shared", "OPTIONS /shared")
        .doesNotContain("DELETE /shared");
  }

  @Test
  void anExposedHeaderIsReadableAndAnUnexposedOneIsNot() {
    Map<String, Object> seen = fetchFrom(allowedPage(), apiBase() + "/data", "{}");
    assertThat(seen).containsEntry("total", "3");
    assertThat(seen.get("hidden")).isNull();
  }

  @Test
  void aPreflightIsCachedForMaxAgeSeconds() {
    String init =
        "{\"method\": \"PUT\", \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": \"1\"}";
    String url = apiBase() + "/data/cached";
    assertThat(fetchFrom(allowedPage(), url, init)).containsEntry("ok", true);
    assertThat(fetchFrom(allowedPage(), url, init)).containsEntry("ok", true);
    assertThat(BrowserResources.REQUEST_LOG.stream().filter("OPTIONS /data/cached"::equals))
        .hasSize(1);
    assertThat(BrowserResources.REQUEST_LOG.stream().filter("PUT /data/cached"::equals)).hasSize(2);
  }

  @Test
  void theStatusOfA401IsReadableByThePage() {
    Map<String, Object> seen = fetchFrom(allowedPage(), apiBase() + "/private", "{}");
    assertThat(seen).containsEntry("ok", true).containsEntry("status", 401L);
  }

  @Test
  void aCredentialedFetchWithACookieIsAllowedOnlyWhereCredentialsAre() {
    browser.get(apiBase() + "/login");
    String sameSitePage = "http://localhost:" + sameSitePort;
    Map<String, Object> withCredentials =
        fetchFrom(sameSitePage, apiBase() + "/session", "{\"credentials\": \"include\"}");
    assertThat(withCredentials).containsEntry("ok", true).containsEntry("body", "cookie=s3cret");
    Map<String, Object> withoutCredentials =
        fetchFrom(sameSitePage, apiBase() + "/data", "{\"credentials\": \"include\"}");
    assertThat(withoutCredentials).containsEntry("ok", false);
    Map<String, Object> omitted = fetchFrom(sameSitePage, apiBase() + "/data", "{}");
    assertThat(omitted).containsEntry("ok", true);
  }
}
