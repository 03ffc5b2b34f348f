package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.testing.CapturedLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol every door runs, over an exchange that records what it was told. */
class CorsProtocolTest {

  static final String APP = "https://app.example.com";
  static final String EVIL = "https://evil.example";
  static final String OWN = "https://api.example.com";

  /** A request and its response, in memory. */
  static final class Exchange implements CorsExchange {
    final String method;
    final Map<String, List<String>> request = new LinkedHashMap<>();
    final Map<String, String> response = new LinkedHashMap<>();
    int ended;
    boolean exposed;

    Exchange(String method, String... headers) {
      this.method = method;
      for (int i = 0; i < headers.length; i += 2) {
        request
            .computeIfAbsent(headers[i].toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(headers[i + 1]);
      }
    }

    @Override
    public boolean isHandshake() {
      return request.containsKey("upgrade");
    }

    @Override
    public String method() {
      return method;
    }

    @Override
    public String path() {
      return "items/1";
    }

    @Override
    public List<String> requestHeaderLines(String name) {
      return request.get(name);
    }

    @Override
    public String requestHeader(String name) {
      List<String> lines = request.get(name);
      return lines == null ? null : lines.get(0);
    }

    @Override
    public String scheme() {
      return "https";
    }

    @Override
    public String hostAndPort() {
      return "api.example.com";
    }

    @Override
    public void setResponseHeader(String name, String value) {
      response.put(name, value);
    }

    @Override
    public void removeResponseHeader(String name) {
      response.remove(name);
    }

    @Override
    public Iterable<?> responseHeaderLines(String name) {
      String value = response.get(name);
      return value == null ? null : List.of(value);
    }

    @Override
    public void exposeResponseHeaderNames() {
      exposed = true;
    }

    @Override
    public void end(int status) {
      ended = status;
    }
  }

  final List<String> fine = new ArrayList<>();
  final Logger refusals = Logger.getLogger("dev.corsjaxrs.refusals");
  Level previous;
  final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          fine.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    previous = refusals.getLevel();
    refusals.setLevel(Level.FINE);
    handler.setLevel(Level.ALL);
    refusals.addHandler(handler);
  }

  @AfterEach
  void release() {
    refusals.removeHandler(handler);
    refusals.setLevel(previous);
  }

  static CorsPolicy policy(boolean strict, boolean credentials, String... exposed) {
    return new PolicyCatalog()
        .builder()
        .origins(List.of(APP), "cors.allowed-origins")
        .methods(List.of("GET", "PUT"), "m")
        .allowCredentials(credentials, "c")
        .exposedHeaders(List.of(exposed), "e")
        .rejectDisallowed(strict, "cors.reject-disallowed")
        .build();
  }

  final CorsProtocol protocol = new CorsProtocol(false);

  @Test
  void anAllowedPreflightEndsWith200AndItsHeaders() {
    Exchange preflight = new Exchange("OPTIONS", "Origin", APP);
    assertThat(protocol.answerPreflight(policy(false, false), preflight, "PUT")).isTrue();
    assertThat(preflight.ended).isEqualTo(200);
    assertThat(preflight.response)
        .containsEntry("Access-Control-Allow-Origin", APP)
        .containsEntry("Access-Control-Allow-Methods", "GET, PUT, HEAD")
        .containsKey("Vary");
    assertThat(fine).isEmpty();
  }

  @Test
  void aRefusedPreflightEndsWith403WithoutAllowHeadersAndIsExplainedOnce() {
    Exchange preflight = new Exchange("OPTIONS", "Origin", EVIL);
    assertThat(protocol.answerPreflight(policy(false, false), preflight, "PUT")).isTrue();
    assertThat(preflight.ended).isEqualTo(403);
    assertThat(preflight.response.keySet()).containsExactly("Vary");
    assertThat(fine).hasSize(1);
    assertThat(fine.get(0)).startsWith("CORS refused preflight PUT /items/1: origin " + EVIL);
  }

  @Test
  void aSameOriginPreflightGoesOnToTheApplication() {
    Exchange preflight = new Exchange("OPTIONS", "Origin", OWN);
    assertThat(protocol.answerPreflight(policy(false, false), preflight, "DELETE")).isFalse();
    assertThat(preflight.ended).isZero();
    assertThat(preflight.response).isEmpty();
    // the browser's label counts for the request's own host only (API.md v1.3)
    Exchange marked = new Exchange("OPTIONS", "Origin", EVIL, "Sec-Fetch-Site", "same-origin");
    assertThat(protocol.answerPreflight(policy(false, false), marked, "DELETE")).isTrue();
    assertThat(marked.ended).isEqualTo(403);
  }

  @Test
  void strictModeEndsARefusedActualRequestWith403() {
    Exchange delete = new Exchange("DELETE", "Origin", EVIL);
    CorsDecision decision = protocol.decideActual(policy(true, false), delete);
    assertThat(decision.isRefused()).isTrue();
    assertThat(delete.ended).isEqualTo(403);
    assertThat(delete.response).containsOnlyKeys("Vary");
    assertThat(fine).hasSize(1);
    assertThat(fine.get(0)).startsWith("CORS refused DELETE /items/1: ");
  }

  @Test
  void withoutStrictModeARefusedActualRequestGoesOnAndIsExplainedWhenWritten() {
    Exchange get = new Exchange("GET", "Origin", EVIL);
    CorsPolicy policy = policy(false, false);
    CorsDecision decision = protocol.decideActual(policy, get);
    assertThat(decision.isRefused()).isTrue();
    assertThat(get.ended).isZero();
    assertThat(fine).isEmpty();
    protocol.writeActual(decision, policy, get);
    assertThat(get.response).containsOnlyKeys("Vary");
    assertThat(fine).hasSize(1);
  }

  @Test
  void aRefusedHandshakeEndsWith403EvenWithoutStrictMode() {
    Exchange handshake = new Exchange("GET", "Origin", EVIL, "Upgrade", "websocket");
    assertThat(protocol.decideActual(policy(false, false), handshake).isRefused()).isTrue();
    assertThat(handshake.ended).isEqualTo(403);
    assertThat(fine.get(0)).startsWith("CORS refused WebSocket handshake /items/1: ");
    Exchange allowed = new Exchange("GET", "Origin", APP, "Upgrade", "websocket");
    assertThat(protocol.decideActual(policy(false, false), allowed).isAllowed()).isTrue();
    assertThat(allowed.ended).isZero();
  }

  @Test
  void anAllowedAnswerIsWrittenWithVaryMergedIntoTheApplications() {
    Exchange get = new Exchange("GET", "Origin", APP);
    get.response.put("Vary", "Accept");
    CorsPolicy policy = policy(false, true, "X-Total");
    protocol.writeActual(protocol.decide(policy, get), policy, get);
    assertThat(get.response)
        .containsEntry("Access-Control-Allow-Origin", APP)
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry("Access-Control-Expose-Headers", "X-Total")
        .containsEntry("Vary", "Accept, Origin");
    assertThat(get.exposed).isFalse();
    assertThat(get.ended).isZero();
  }

  @Test
  void anotherLayersHeadersAreReplacedOnAllowedAndTakenOffRefusedWithOneWarning() {
    List<String> warnings;
    try (CapturedLog log = CapturedLog.of("dev.corsjaxrs")) {
      CorsPolicy policy = policy(false, false, "X-Total");
      Exchange allowed = new Exchange("GET", "Origin", APP);
      allowed.response.put("Access-Control-Allow-Origin", "*");
      allowed.response.put("Access-Control-Allow-Credentials", "true");
      allowed.response.put("Access-Control-Expose-Headers", "X-Secret");
      protocol.writeActual(protocol.decide(policy, allowed), policy, allowed);
      assertThat(allowed.response)
          .containsEntry("Access-Control-Allow-Origin", APP)
          .containsEntry("Access-Control-Expose-Headers", "X-Total")
          .doesNotContainKey("Access-Control-Allow-Credentials");
      Exchange refused = new Exchange("GET", "Origin", EVIL);
      refused.response.put("Access-Control-Allow-Origin", "*");
      refused.response.put("Access-Control-Allow-Credentials", "true");
      protocol.writeActual(protocol.decide(policy, refused), policy, refused);
      assertThat(refused.response.keySet()).containsExactly("Vary");
      warnings = log.messages(Level.WARNING);
    }
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith(
            "CORS: GET /items/1 already carried Access-Control-Allow-Origin: * before cors-jaxrs"
                + " answered: another CORS layer is active")
        .endsWith("(Logged once.)");
  }

  @Test
  void exposedStarWithCredentialsAsksTheDoorForTheResponsesHeaderNames() {
    Exchange get = new Exchange("GET", "Origin", APP);
    CorsPolicy policy = policy(false, true, "*");
    protocol.writeActual(protocol.decide(policy, get), policy, get);
    assertThat(get.exposed).isTrue();
    Exchange refused = new Exchange("GET", "Origin", EVIL);
    protocol.writeActual(protocol.decide(policy, refused), policy, refused);
    assertThat(refused.exposed).isFalse();
  }

  @Test
  void aRequestWithoutOriginGetsThePolicysVaryOnlyAndVaryStarIsLeftAlone() {
    Exchange plain = new Exchange("GET");
    protocol.writeActual(null, policy(false, false), plain);
    assertThat(plain.response).containsExactly(Map.entry("Vary", "Origin"));
    Exchange star = new Exchange("GET", "Origin", APP);
    star.response.put("Vary", "*");
    CorsPolicy policy = policy(false, false);
    protocol.writeActual(protocol.decide(policy, star), policy, star);
    assertThat(star.response).containsEntry("Vary", "*");
    assertThat(CorsProtocol.origins(plain)).isNull();
    assertThat(CorsProtocol.preflightMethod(plain)).isNull();
  }

  @Test
  void theOwnOriginCountsForwardedHeadersOnlyWhereTrusted() {
    CorsPolicy strict = policy(true, false);
    String[] forwarded = {
      "Origin", "https://shop.example.com", "X-Forwarded-Host", "shop.example.com"
    };
    Exchange trusted = new Exchange("DELETE", forwarded);
    assertThat(new CorsProtocol(true).decideActual(strict, trusted).isRefused()).isFalse();
    assertThat(trusted.ended).isZero();
    Exchange untrusted = new Exchange("DELETE", forwarded);
    assertThat(protocol.decideActual(strict, untrusted).isRefused()).isTrue();
    assertThat(untrusted.ended).isEqualTo(403);
  }

  @Test
  void exposedHeaderNamesLeaveOutWhatAPageReadsAnywayAndTheCorsHeaders() {
    assertThat(
            ExposedHeaders.namesOf(
                List.of(
                    "X-Total",
                    "Content-Type",
                    "cache-control",
                    "Access-Control-Allow-Origin",
                    "Vary",
                    "ETag",
                    "X-Total",
                    "Expires",
                    "Last-Modified",
                    "Pragma",
                    "Content-Language",
                    "Content-Length")))
        .isEqualTo("X-Total, ETag");
    assertThat(ExposedHeaders.namesOf(List.of("Vary", "Content-Type"))).isEmpty();
  }

  @Test
  void aHostRefusalIsExplainedOnceAtFine() {
    CorsProtocol hosts =
        new CorsProtocol(
            false, AllowedHosts.compile(List.of("api.example.com"), "k"), RequestCounter.NONE);
    assertThat(hosts.refuseHost(new Exchange("GET", "Host", "evil.example"))).isTrue();
    assertThat(hosts.refuseHost(new Exchange("PUT", "Host", "a", "Host", "b"))).isTrue();
    assertThat(hosts.refuseHost(new Exchange("GET"))).isTrue();
    assertThat(hosts.refuseHost(new Exchange("GET", "Host", "api.example.com"))).isFalse();
    String tail = " is not among cors.allowed-hosts [api.example.com]";
    assertThat(fine)
        .containsExactly(
            "CORS refused GET /items/1 with 400: host 'evil.example'" + tail,
            "CORS refused PUT /items/1 with 400: host (2 Host lines)" + tail,
            "CORS refused GET /items/1 with 400: host (none)" + tail);
    assertThat(protocol.refuseHost(new Exchange("GET", "Host", "evil.example"))).isFalse();
  }

  @Test
  void aRequestNeedsADecisionWithAnOriginOrAsAnUnsafeCrossSiteRequestWithout() {
    assertThat(CorsProtocol.needsDecision(new Exchange("GET", "Origin", APP))).isTrue();
    assertThat(CorsProtocol.needsDecision(new Exchange("GET"))).isFalse();
    Exchange emptyLines = new Exchange("POST");
    emptyLines.request.put("origin", List.of());
    assertThat(CorsProtocol.needsDecision(emptyLines)).isFalse();
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "PROPFIND")) {
      for (String site : List.of("cross-site", "same-site")) {
        assertThat(CorsProtocol.needsDecision(new Exchange(method, "Sec-Fetch-Site", site)))
            .as(method + " " + site)
            .isTrue();
      }
      for (String site : List.of("same-origin", "none", "Cross-Site", "")) {
        assertThat(CorsProtocol.needsDecision(new Exchange(method, "Sec-Fetch-Site", site)))
            .as(method + " " + site)
            .isFalse();
      }
    }
    for (String method : List.of("GET", "HEAD", "OPTIONS")) {
      assertThat(CorsProtocol.needsDecision(new Exchange(method, "Sec-Fetch-Site", "cross-site")))
          .isFalse();
    }
  }
}
