package dev.corsjaxrs.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite: one row per rule of the Fetch standard's CORS protocol (and per trap that
 * other servers fell into), sent over real HTTP to one of five configured servers, with the exact
 * status, the exact value of each expected header (appearing once), and the headers that must be
 * absent.
 */
class ConformanceTest {

  /**
   * The request's own host under another scheme and port, as behind a proxy whose forwarded headers
   * are not trusted: with {@code Sec-Fetch-Site: same-origin} it is same-origin (API.md v1.3);
   * another host is not, whatever the browser's label says.
   */
  static final String OWN_HOST_ELSEWHERE = "https://127.0.0.1:8443";

  static final String ACAO = "Access-Control-Allow-Origin";
  static final String ACAC = "Access-Control-Allow-Credentials";
  static final String ACAM = "Access-Control-Allow-Methods";
  static final String ACAH = "Access-Control-Allow-Headers";
  static final String ACMA = "Access-Control-Max-Age";
  static final String ACEH = "Access-Control-Expose-Headers";
  static final String ACAPN = "Access-Control-Allow-Private-Network";
  static final String ACRM = "Access-Control-Request-Method";
  static final String ACRH = "Access-Control-Request-Headers";
  static final String ACRPN = "Access-Control-Request-Private-Network";
  static final String VARY = "Vary";
  static final String PV = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
  static final String APP = "https://app.example.com";
  static final String ITEM_METHODS = "GET, HEAD, PUT, PATCH, DELETE, OPTIONS";
  static final String ANY_CORS = "Access-Control-*";

  /** The five server configurations. */
  enum Profile {
    LIST(
        Map.of(
            "cors.allowed-origins",
            "https://app.example.com, https://*.example.net, http://localhost:*")),
    WILDCARD(
        Map.of(
            "cors.allowed-origins",
            "*",
            "cors.exposed-headers",
            "X-Deleted",
            "cors.max-age",
            "-1")),
    CREDENTIALS(
        Map.of(
            "cors.allowed-origins", "https://app.example.com/, null",
            "cors.allow-credentials", "true",
            "cors.exposed-headers", "*",
            "cors.max-age", "7200")),
    STRICT(
        Map.of(
            "cors.allowed-origins", "https://app.example.com",
            "cors.reject-disallowed", "true",
            "cors.allowed-methods", "GET, PUT",
            "cors.allowed-headers", "X-Token, Content-Type",
            "cors.allow-private-network", "true")),
    NONE(Map.of());

    final Map<String, String> config;

    Profile(Map<String, String> config) {
      this.config = config;
    }
  }

  private static final Map<Profile, TestServer> SERVERS = new EnumMap<>(Profile.class);

  static synchronized TestServer server(Profile profile) {
    return SERVERS.computeIfAbsent(
        profile,
        p ->
            TestServer.start(
                p.config,
                Resources.Items.class,
                Resources.Partner.class,
                Resources.Internal.class,
                Resources.TeapotMapper.class));
  }

  static LogCapture runtimeLog;

  @BeforeAll
  static void captureRuntimeLog() {
    runtimeLog = LogCapture.runtimeClientErrors();
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(TestServer::close);
    SERVERS.clear();
    runtimeLog.close();
    assertThat(runtimeLog.onlyClientErrors())
        .as("runtime log: %s", runtimeLog.aboveInfo())
        .isTrue();
  }

  /** One row: a request, and what must and must not come back. */
  static final class Case {
    final String name;
    final Profile profile;
    final String method;
    final String path;
    final List<String[]> requestHeaders = new ArrayList<>();
    int status = 200;
    final Map<String, String> expected = new LinkedHashMap<>();
    final List<String> forbidden = new ArrayList<>();

    Case(String name, Profile profile, String method, String path) {
      this.name = name;
      this.profile = profile;
      this.method = method;
      this.path = path;
    }

    Case h(String header, String value) {
      requestHeaders.add(new String[] {header, value});
      return this;
    }

    Case origin(String origin) {
      return h("Origin", origin);
    }

    Case status(int status) {
      this.status = status;
      return this;
    }

    Case expect(String header, String value) {
      expected.put(header, value);
      forbidden.remove(header);
      return this;
    }

    Case forbid(String... headers) {
      forbidden.addAll(List.of(headers));
      return this;
    }

    @Override
    public String toString() {
      return profile + ": " + name;
    }
  }

  static Case get(String name, Profile p, String path, String origin) {
    return new Case(name, p, "GET", path).origin(origin);
  }

  static Case preflight(String name, Profile p, String path, String origin, String method) {
    return new Case(name, p, "OPTIONS", path).origin(origin).h(ACRM, method);
  }

  /** A refused preflight: 403, its Vary, and no Access-Control-* header. */
  static Case refusedPreflight(String name, Profile p, String path, String origin, String method) {
    String vary = p == Profile.STRICT ? PV + ", Access-Control-Request-Private-Network" : PV;
    return preflight(name, p, path, origin, method).status(403).expect(VARY, vary).forbid(ANY_CORS);
  }

  /** An actual GET from an origin that gets no CORS header. */
  static Case notAllowed(String name, Profile p, String path, String origin) {
    return get(name, p, path, origin).expect(VARY, "Origin").forbid(ANY_CORS);
  }

  static Case allowed(String name, Profile p, String path, String origin, String acao) {
    return get(name, p, path, origin).expect(ACAO, acao).expect(VARY, "Origin").forbid(ACAC);
  }

  static Stream<Case> cases() {
    List<Case> c = new ArrayList<>();
    Profile L = Profile.LIST;
    Profile W = Profile.WILDCARD;
    Profile C = Profile.CREDENTIALS;
    Profile S = Profile.STRICT;
    Profile N = Profile.NONE;

    // Origin normalisation: scheme and host case, default ports, trailing slash in configuration.
    c.add(allowed("exact origin", L, "/items", APP, APP));
    c.add(allowed("upper-case scheme and host", L, "/items", "HTTPS://APP.EXAMPLE.COM", APP));
    c.add(allowed("mixed-case host", L, "/items", "https://App.Example.Com", APP));
    c.add(allowed("explicit default port 443", L, "/items", "https://app.example.com:443", APP));
    c.add(notAllowed("other port is another origin", L, "/items", "https://app.example.com:8443"));
    c.add(notAllowed("http is another origin than https", L, "/items", "http://app.example.com"));
    c.add(notAllowed("http on port 443 is not https", L, "/items", "http://app.example.com:443"));
    c.add(
        allowed("trailing slash in configuration is ignored", C, "/items", APP, APP)
            .forbid()
            .expect(ACAC, "true"));
    c.add(
        notAllowed("request origin with trailing slash is not an origin", L, "/items", APP + "/"));
    c.add(notAllowed("request origin with a path", L, "/items", APP + "/app"));
    c.add(notAllowed("request origin with a query", L, "/items", APP + "?a=1"));
    c.add(notAllowed("request origin with user-info", L, "/items", "https://user@app.example.com"));
    c.add(notAllowed("suffix look-alike", L, "/items", "https://app.example.com.evil.net"));
    c.add(notAllowed("prefix look-alike", L, "/items", "https://evilapp.example.com"));
    c.add(notAllowed("subdomain of an exact origin", L, "/items", "https://x.app.example.com"));
    c.add(notAllowed("empty Origin", L, "/items", ""));
    c.add(notAllowed("Origin without scheme", L, "/items", "app.example.com"));

    // Subdomain patterns.
    c.add(allowed("subdomain", L, "/items", "https://a.example.net", "https://a.example.net"));
    c.add(
        allowed(
            "deep subdomain",
            L,
            "/items",
            "https://a.b.c.example.net",
            "https://a.b.c.example.net"));
    c.add(
        allowed(
            "subdomain with default port",
            L,
            "/items",
            "https://a.example.net:443",
            "https://a.example.net"));
    c.add(
        allowed(
            "upper-case subdomain", L, "/items", "https://A.EXAMPLE.NET", "https://a.example.net"));
    c.add(notAllowed("the domain itself", L, "/items", "https://example.net"));
    c.add(notAllowed("a look-alike domain", L, "/items", "https://evilexample.net"));
    c.add(notAllowed("the domain under another one", L, "/items", "https://example.net.evil.com"));
    c.add(
        notAllowed("a subdomain under another one", L, "/items", "https://a.example.net.evil.com"));
    c.add(notAllowed("subdomain over http", L, "/items", "http://a.example.net"));
    c.add(notAllowed("subdomain on another port", L, "/items", "https://a.example.net:8443"));
    c.add(notAllowed("empty label", L, "/items", "https://.example.net"));

    // Any-port patterns.
    c.add(
        allowed(
            "localhost on a port", L, "/items", "http://localhost:3000", "http://localhost:3000"));
    c.add(
        allowed(
            "localhost on the default port", L, "/items", "http://localhost", "http://localhost"));
    c.add(
        allowed(
            "localhost on port 80 normalised",
            L,
            "/items",
            "http://localhost:80",
            "http://localhost"));
    c.add(notAllowed("localhost over https", L, "/items", "https://localhost:3000"));
    c.add(notAllowed("127.0.0.1 is not localhost", L, "/items", "http://127.0.0.1:3000"));
    c.add(notAllowed("a subdomain of localhost", L, "/items", "http://a.localhost:3000"));
    c.add(notAllowed("port out of range", L, "/items", "http://localhost:70000"));

    // Wildcard and null.
    c.add(allowed("wildcard answers *", W, "/items", "https://anyone.example", "*"));
    c.add(
        allowed("wildcard on an error status", W, "/items/secret", "https://anyone.example", "*")
            .status(401));
    c.add(notAllowed("wildcard never covers null", W, "/items", "null"));
    c.add(notAllowed("a pattern never covers null", L, "/items", "null"));
    c.add(
        allowed("null listed explicitly", C, "/items", "null", "null")
            .forbid()
            .expect(ACAC, "true"));
    c.add(notAllowed("NULL in upper case is not the null origin", C, "/items", "NULL"));
    c.add(
        allowed(
            "wildcard with an origin the allow-list would refuse",
            W,
            "/items",
            "http://10.0.0.1:1",
            "*"));

    // Preflights: allowed.
    c.add(
        preflight("PUT with a custom header", L, "/items/1", APP, "PUT")
            .h(ACRH, "x-token")
            .expect(ACAO, APP)
            .expect(ACAM, ITEM_METHODS)
            .expect(ACAH, "*")
            .expect(ACMA, "1800")
            .expect(VARY, PV)
            .forbid(ACAC, ACEH, ACAPN));
    c.add(
        preflight("PATCH", L, "/items/1", APP, "PATCH")
            .expect(ACAO, APP)
            .expect(ACAM, ITEM_METHODS)
            .forbid(ACAH));
    c.add(
        preflight("DELETE", L, "/items/1", APP, "DELETE")
            .expect(ACAO, APP)
            .expect(ACAM, ITEM_METHODS));
    c.add(
        preflight("POST with JSON content type", L, "/items", APP, "POST")
            .h(ACRH, "content-type")
            .expect(ACAO, APP)
            .expect(ACAM, "GET, HEAD, POST")
            .expect(ACAH, "*"));
    c.add(
        preflight("GET with a custom header", L, "/items/1", APP, "GET")
            .h(ACRH, "x-requested-with")
            .expect(ACAO, APP)
            .expect(ACAH, "*"));
    c.add(
        preflight("HEAD is allowed wherever GET is", L, "/items", APP, "HEAD")
            .expect(ACAM, "GET, HEAD, POST"));
    c.add(
        preflight("from a subdomain", L, "/items/1", "https://x.example.net", "PUT")
            .expect(ACAO, "https://x.example.net"));
    c.add(
        preflight("Authorization is listed, never covered by *", L, "/items/1", APP, "PUT")
            .h(ACRH, "authorization,x-token")
            .expect(ACAH, "authorization, x-token"));
    c.add(
        preflight("Authorization in any case", L, "/items/1", APP, "PUT")
            .h(ACRH, "Authorization")
            .expect(ACAH, "authorization"));
    c.add(
        preflight("credentials: * is not a wildcard, names listed", C, "/items/1", APP, "PUT")
            .h(ACRH, "x-token,content-type")
            .expect(ACAH, "x-token, content-type")
            .expect(ACAC, "true")
            .expect(ACMA, "7200"));
    c.add(
        preflight("credentials: requested names lower-cased", C, "/items/1", APP, "PUT")
            .h(ACRH, "X-Token")
            .expect(ACAH, "x-token"));
    c.add(
        preflight("credentials: blanks and empty items ignored", C, "/items/1", APP, "PUT")
            .h(ACRH, " x-a ,, x-b ,")
            .expect(ACAH, "x-a, x-b"));
    c.add(
        preflight("credentials: duplicates once", C, "/items/1", APP, "PUT")
            .h(ACRH, "x-a,X-A,x-a")
            .expect(ACAH, "x-a"));
    c.add(
        preflight("credentials: several header lines are one list", C, "/items/1", APP, "PUT")
            .h(ACRH, "x-a")
            .h(ACRH, "x-b")
            .expect(ACAH, "x-a, x-b"));
    c.add(
        preflight("credentials: null origin", C, "/items/1", "null", "PUT")
            .expect(ACAO, "null")
            .expect(ACAC, "true"));
    c.add(
        preflight("wildcard: * origin, no max-age", W, "/items/1", "https://x.example", "PUT")
            .h(ACRH, "x-token")
            .expect(ACAO, "*")
            .expect(ACAH, "*")
            .forbid(ACMA, ACAC));
    c.add(
        preflight("listed headers: configured list answered", S, "/items/1", APP, "PUT")
            .h(ACRH, "content-type,x-token")
            .expect(ACAH, "X-Token, Content-Type")
            .expect(ACAM, "GET, PUT, HEAD"));
    c.add(
        preflight("listed headers: case-insensitive", S, "/items/1", APP, "PUT")
            .h(ACRH, "X-TOKEN")
            .expect(ACAH, "X-Token, Content-Type"));
    c.add(
        preflight("private network allowed where configured", S, "/items/1", APP, "PUT")
            .h(ACRPN, "true")
            .expect(ACAPN, "true")
            .expect(VARY, PV + ", Access-Control-Request-Private-Network"));
    c.add(
        preflight("private network header absent: no answer for it", S, "/items/1", APP, "PUT")
            .forbid(ACAPN));
    c.add(
        preflight("unknown path takes GET, HEAD, POST", L, "/nowhere", APP, "POST")
            .expect(ACAM, "GET, HEAD, POST"));
    c.add(
        preflight(
                "class policy: credentials and max-age from the annotation",
                L,
                "/partner",
                "https://partner.example.org",
                "GET")
            .h(ACRH, "x-a")
            .expect(ACAO, "https://partner.example.org")
            .expect(ACAC, "true")
            .expect(ACAM, "GET, HEAD")
            .expect(ACAH, "x-a")
            .expect(ACMA, "600"));
    c.add(
        preflight(
                "method policy: its own origin and headers",
                L,
                "/partner",
                "https://admin.example.org",
                "PUT")
            .h(ACRH, "x-token")
            .expect(ACAO, "https://admin.example.org")
            .expect(ACAM, "PUT")
            .expect(ACAH, "X-Token"));
    c.add(
        preflight("same-origin preflight is left to the application", L, "/items/1", "SELF", "PUT")
            .expect("X-Own-Options", "yes")
            .forbid(ANY_CORS));

    // Preflights: refused.
    c.add(refusedPreflight("origin not allowed", L, "/items/1", "https://evil.example", "PUT"));
    c.add(refusedPreflight("no origin allowed at all", N, "/items/1", APP, "PUT"));
    c.add(refusedPreflight("origin with a path", L, "/items/1", APP + "/x", "PUT"));
    c.add(refusedPreflight("method the path lacks", L, "/items", APP, "DELETE"));
    c.add(refusedPreflight("methods are case-sensitive: put", L, "/items/1", APP, "put"));
    c.add(refusedPreflight("methods are case-sensitive: patch", L, "/items/1", APP, "patch"));
    c.add(refusedPreflight("methods are case-sensitive: Get", L, "/items/1", APP, "Get"));
    c.add(refusedPreflight("method not a token", L, "/items/1", APP, "PU T"));
    c.add(refusedPreflight("empty method", L, "/items/1", APP, ""));
    c.add(refusedPreflight("configured methods exclude DELETE", S, "/items/1", APP, "DELETE"));
    c.add(refusedPreflight("configured methods exclude PATCH", S, "/items/1", APP, "PATCH"));
    c.add(
        refusedPreflight("header outside the list", S, "/items/1", APP, "PUT").h(ACRH, "x-other"));
    c.add(
        refusedPreflight("one header outside the list", S, "/items/1", APP, "PUT")
            .h(ACRH, "x-token,x-other"));
    c.add(
        refusedPreflight("header outside the list on a second line", S, "/items/1", APP, "PUT")
            .h(ACRH, "x-token")
            .h(ACRH, "x-other"));
    c.add(
        refusedPreflight("header name not a token", L, "/items/1", APP, "PUT").h(ACRH, "x-a,b@d"));
    c.add(refusedPreflight("header name with a space", L, "/items/1", APP, "PUT").h(ACRH, "x a"));
    c.add(
        refusedPreflight("private network not allowed by default", L, "/items/1", APP, "PUT")
            .h(ACRPN, "true"));
    c.add(
        refusedPreflight(
            "method annotation narrows the origin",
            L,
            "/partner",
            "https://partner.example.org",
            "PUT"));
    c.add(
        refusedPreflight(
            "class annotation replaces the global origins", L, "/partner", APP, "GET"));
    c.add(refusedPreflight("@CorsDisabled class", L, "/internal", APP, "PUT"));
    c.add(
        refusedPreflight(
            "@CorsDisabled method", L, "/partner", "https://partner.example.org", "DELETE"));
    c.add(refusedPreflight("wildcard never covers null", W, "/items/1", "null", "PUT"));
    c.add(
        refusedPreflight(
            "strict mode: origin not allowed", S, "/items/1", "https://evil.example", "PUT"));

    // OPTIONS that is not a preflight goes to the application.
    c.add(
        new Case("OPTIONS without Access-Control-Request-Method", L, "OPTIONS", "/items/1")
            .origin(APP)
            .expect("X-Own-Options", "yes")
            .expect(ACAO, APP)
            .expect(VARY, "Origin")
            .forbid(ACAM, ACAH, ACMA));
    c.add(
        new Case("OPTIONS without Origin", L, "OPTIONS", "/items/1")
            .h(ACRM, "PUT")
            .expect("X-Own-Options", "yes")
            .forbid(ANY_CORS));
    c.add(
        new Case("OPTIONS from a refused origin, not a preflight", L, "OPTIONS", "/items/1")
            .origin("https://evil.example")
            .expect("X-Own-Options", "yes")
            .forbid(ANY_CORS));

    // Actual requests: every method and status.
    c.add(
        new Case("POST", L, "POST", "/items").origin(APP).expect(ACAO, APP).expect(VARY, "Origin"));
    c.add(new Case("PUT", L, "PUT", "/items/1").origin(APP).expect(ACAO, APP));
    c.add(new Case("PATCH", L, "PATCH", "/items/1").origin(APP).expect(ACAO, APP));
    c.add(
        new Case("DELETE 204", L, "DELETE", "/items/1")
            .origin(APP)
            .status(204)
            .expect(ACAO, APP)
            .forbid(ACEH));
    c.add(new Case("HEAD", L, "HEAD", "/items").origin(APP).expect(ACAO, APP));
    c.add(allowed("401 from WebApplicationException", L, "/items/secret", APP, APP).status(401));
    c.add(allowed("403 from ForbiddenException", L, "/items/forbidden", APP, APP).status(403));
    c.add(
        allowed("418 from an ExceptionMapper", L, "/items/teapot", APP, APP)
            .status(418)
            .expect("X-Teapot", "short and stout"));
    c.add(allowed("404 for a path nothing serves", L, "/nothing", APP, APP).status(404));
    c.add(
        new Case("405 for a method the path lacks", L, "DELETE", "/items")
            .origin(APP)
            .status(405)
            .expect(ACAO, APP));
    c.add(
        new Case("415 for a media type the method refuses", L, "POST", "/items/json")
            .origin(APP)
            .h("Content-Type", "text/plain")
            .status(415)
            .expect(ACAO, APP));
    c.add(notAllowed("refused origin on a 404", L, "/nothing", "https://evil.example").status(404));
    c.add(allowed("refused origin still gets the response", L, "/items", APP, APP));

    // Credentials and exposed headers.
    c.add(
        get("credentials on an actual request", C, "/items", APP)
            .expect(ACAO, APP)
            .expect(ACAC, "true"));
    c.add(
        get("credentials on a 401", C, "/items/secret", APP)
            .status(401)
            .expect(ACAO, APP)
            .expect(ACAC, "true")
            .expect(ACEH, TestServer.exposedNames("WWW-Authenticate")));
    c.add(
        new Case("exposed * with credentials lists the response's headers", C, "DELETE", "/items/3")
            .origin(APP)
            .status(204)
            .expect(ACEH, TestServer.exposedNames("X-Deleted")));
    Case safelistedOnly =
        get("exposed * with credentials, only safelisted headers: none", C, "/items", APP);
    c.add(
        TestServer.RUNTIME.equals("cxf")
            ? safelistedOnly.expect(ACEH, "Date") // CXF has set it by then (exposedNames)
            : safelistedOnly.forbid(ACEH));
    c.add(
        new Case("configured exposed header without credentials", W, "DELETE", "/items/3")
            .origin("https://x.example")
            .status(204)
            .expect(ACEH, "X-Deleted")
            .forbid(ACAC));
    c.add(
        get(
                "class annotation exposes X-Total with credentials",
                L,
                "/partner",
                "https://partner.example.org")
            .expect(ACAO, "https://partner.example.org")
            .expect(ACAC, "true")
            .expect(ACEH, "X-Total"));
    c.add(get("no credentials header where not allowed", L, "/items", APP).forbid(ACAC, ACEH));
    c.add(
        notAllowed(
            "refused origin gets no credentials header", C, "/items", "https://evil.example"));
    c.add(notAllowed("refused origin on a class with credentials", L, "/partner", APP));

    // Vary on every kind of response.
    c.add(
        new Case("no Origin: Vary: Origin all the same", L, "GET", "/items")
            .expect(VARY, "Origin")
            .forbid(ANY_CORS));
    c.add(
        new Case("no Origin, wildcard: Vary: Origin (null is refused)", W, "GET", "/items")
            .expect(VARY, "Origin"));
    c.add(
        new Case("no Origin, nothing allowed: no Vary", N, "GET", "/items").forbid(VARY, ANY_CORS));
    c.add(
        new Case("nothing allowed, with Origin: no Vary", N, "GET", "/items")
            .origin(APP)
            .forbid(VARY, ANY_CORS));
    c.add(
        new Case("application's Vary kept, Origin added", L, "GET", "/items/varied")
            .origin(APP)
            .expect(VARY, "Accept, Origin")
            .expect(ACAO, APP));
    c.add(
        new Case("application's Vary kept without Origin", L, "GET", "/items/varied")
            .expect(VARY, "Accept, Origin"));
    c.add(
        new Case("no Vary on @CorsDisabled", L, "GET", "/internal")
            .origin(APP)
            .forbid(VARY, ANY_CORS));
    c.add(new Case("Vary on a 404", L, "GET", "/nothing").status(404).expect(VARY, "Origin"));
    c.add(
        new Case("Vary on a refused preflight", L, "OPTIONS", "/items/1")
            .origin("https://evil.example")
            .h(ACRM, "PUT")
            .status(403)
            .expect(VARY, PV));
    c.add(
        new Case("Vary on a mapped error", L, "GET", "/items/teapot")
            .status(418)
            .expect(VARY, "Origin"));

    // Same origin.
    c.add(
        get("same origin: no CORS header", L, "/items", "SELF")
            .expect(VARY, "Origin")
            .forbid(ANY_CORS));
    c.add(
        get("Sec-Fetch-Site: same-origin, own host, other port", L, "/items", OWN_HOST_ELSEWHERE)
            .h("Sec-Fetch-Site", "same-origin")
            .forbid(ANY_CORS));
    c.add(
        get("Sec-Fetch-Site: same-site is cross-origin", L, "/items", APP)
            .h("Sec-Fetch-Site", "same-site")
            .expect(ACAO, APP));
    c.add(
        get("Sec-Fetch-Site: cross-site from a refused origin", L, "/items", "https://evil.example")
            .h("Sec-Fetch-Site", "cross-site")
            .forbid(ANY_CORS));

    // Strict mode.
    c.add(
        new Case("strict: refused origin gets 403", S, "GET", "/items")
            .origin("https://evil.example")
            .status(403)
            .expect(VARY, "Origin")
            .forbid(ANY_CORS));
    c.add(
        new Case("strict: refused POST never reaches the resource", S, "POST", "/items")
            .origin("https://evil.example")
            .status(403));
    c.add(
        new Case("strict: malformed origin gets 403", S, "GET", "/items")
            .origin("https://x/y")
            .status(403));
    c.add(new Case("strict: null origin gets 403", S, "GET", "/items").origin("null").status(403));
    c.add(
        new Case("strict: allowed origin passes", S, "GET", "/items")
            .origin(APP)
            .expect(ACAO, APP));
    c.add(
        new Case("strict: same origin passes", S, "POST", "/items")
            .origin("SELF")
            .forbid(ANY_CORS));
    c.add(
        new Case("strict: no Origin passes", S, "POST", "/items")
            .forbid(ANY_CORS)
            .expect(VARY, "Origin"));
    c.add(
        new Case("strict: same-origin by Sec-Fetch-Site passes", S, "POST", "/items")
            .origin(OWN_HOST_ELSEWHERE)
            .h("Sec-Fetch-Site", "same-origin"));
    c.add(
        new Case("strict: Sec-Fetch-Site same-origin beside another host", S, "POST", "/items")
            .origin("https://proxy-rewritten.example")
            .h("Sec-Fetch-Site", "same-origin")
            .status(403)
            .forbid(ANY_CORS));
    c.add(
        new Case("strict: forwarded headers are not trusted by default", S, "GET", "/items")
            .origin("https://api.example.com")
            .h("X-Forwarded-Proto", "https")
            .h("X-Forwarded-Host", "api.example.com")
            .status(403));
    c.add(
        new Case("strict: 404 path from a refused origin", S, "GET", "/nothing")
            .origin("https://evil.example")
            .status(403));
    c.add(
        new Case("strict: @CorsDisabled refuses a cross-origin GET", S, "GET", "/internal")
            .origin("https://evil.example")
            .status(403)
            .expect(VARY, "Origin")
            .forbid(ANY_CORS));
    c.add(
        new Case("strict: @CorsDisabled refuses even a listed origin", S, "PUT", "/internal")
            .origin(APP)
            .status(403)
            .forbid(ANY_CORS));
    c.add(
        new Case("strict: @CorsDisabled method refuses a malformed origin", S, "DELETE", "/partner")
            .origin("https://x/y")
            .status(403));
    c.add(
        new Case("strict: @CorsDisabled lets the same origin pass", S, "GET", "/internal")
            .origin("SELF")
            .expect(VARY, "Origin")
            .forbid(ANY_CORS));
    c.add(
        new Case("strict: @CorsDisabled lets a request without Origin pass", S, "GET", "/internal")
            .expect(VARY, "Origin")
            .forbid(ANY_CORS));
    c.add(
        new Case(
                "strict: @CorsDisabled lets Sec-Fetch-Site same-origin pass", S, "GET", "/internal")
            .origin(OWN_HOST_ELSEWHERE)
            .h("Sec-Fetch-Site", "same-origin")
            .forbid(ANY_CORS));

    // Hostile and odd input: never 500, never reflected.
    c.add(notAllowed("two Origin headers", L, "/items", APP).origin("https://evil.example"));
    c.add(
        refusedPreflight("two Origin headers on a preflight", L, "/items/1", APP, "PUT")
            .origin(APP));
    c.add(notAllowed("8 KB Origin", L, "/items", "https://" + "a".repeat(8192) + ".example"));
    c.add(
        refusedPreflight(
            "8 KB Origin on a preflight",
            L,
            "/items/1",
            "https://" + "a".repeat(8192) + ".example",
            "PUT"));
    // Fetch sets no limit on the number of requested headers: all allowed (under *), all pass.
    c.add(
        preflight("1,000 requested headers, all allowed", L, "/items/1", APP, "PUT")
            .h(ACRH, thousandHeaders())
            .expect(ACAO, APP)
            .expect(ACAH, "*"));
    c.add(notAllowed("non-ASCII origin", L, "/items", "https://b\u00fccher.example"));
    c.add(refusedPreflight("8 KB method", L, "/items/1", APP, "X".repeat(8192)));
    c.add(notAllowed("javascript: origin", L, "/items", "javascript:alert(1)"));
    c.add(notAllowed("file:// origin", L, "/items", "file://"));
    c.add(notAllowed("wildcard sent as origin", L, "/items", "*"));
    c.add(notAllowed("pattern sent as origin", L, "/items", "https://*.example.net"));

    return c.stream();
  }

  static String thousandHeaders() {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      names.append(i == 0 ? "" : ",").append("x-h").append(i);
    }
    return names.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conforms(Case row) {
    TestServer server = server(row.profile);
    RequestSpecification request = given().baseUri(server.baseUri).redirects().follow(false);
    String self = "http://127.0.0.1:" + server.port;
    for (String[] header : row.requestHeaders) {
      request = request.header(header[0], header[1].equals("SELF") ? self : header[1]);
    }
    Response response = request.request(row.method, row.path);
    assertThat(response.statusCode()).as("status").isEqualTo(row.status);
    row.expected.forEach(
        (name, value) ->
            assertThat(response.headers().getValues(name))
                .as("header %s", name)
                .containsExactly(value));
    for (String name : row.forbidden) {
      if (name.equals(ANY_CORS)) {
        assertThat(response.headers().asList())
            .as("Access-Control-* headers")
            .noneMatch(h -> h.getName().toLowerCase(Locale.ROOT).startsWith("access-control-"));
      } else {
        assertThat(response.headers().getValues(name)).as("header %s", name).isEmpty();
      }
    }
    if (row.forbidden.contains(ANY_CORS)) {
      for (String[] sent : row.requestHeaders) {
        if (sent[0].equals("Origin") && sent[1].length() > 4) {
          assertThat(response.headers().asList())
              .as("a refused Origin is never reflected")
              .noneMatch(h -> h.getValue().contains(sent[1]));
        }
      }
    }
  }
}
