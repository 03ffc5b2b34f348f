package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.core.CorsProtocolTest.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Report mode answers as without strict mode and reports what strict mode would refuse; the
 * Sec-Fetch-Site rule; the report lines' bound.
 */
class StrictRolloutTest {

  static final String APP = CorsProtocolTest.APP;
  static final String EVIL = CorsProtocolTest.EVIL;
  static final String OWN = CorsProtocolTest.OWN;

  final List<String> reports = new ArrayList<>();
  final Logger reportLogger = Logger.getLogger("dev.corsjaxrs.report");
  final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          reports.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    handler.setLevel(Level.ALL);
    reportLogger.addHandler(handler);
  }

  @AfterEach
  void release() {
    reportLogger.removeHandler(handler);
  }

  /** The requests of the table: a method and its header pairs. */
  static final List<String[]> REQUESTS =
      List.of(
          new String[] {"GET", "Origin", APP},
          new String[] {"DELETE", "Origin", APP},
          new String[] {"GET", "Origin", EVIL},
          new String[] {"DELETE", "Origin", EVIL, "Cookie", "session=1"},
          new String[] {"POST", "Origin", "null"},
          new String[] {"PUT", "Origin", "https://"},
          new String[] {"PUT", "Origin", APP, "Origin", EVIL},
          new String[] {"DELETE", "Origin", OWN},
          new String[] {"DELETE", "Origin", EVIL, "Sec-Fetch-Site", "same-origin"},
          new String[] {"POST", "Sec-Fetch-Site", "cross-site"},
          new String[] {"PATCH", "Sec-Fetch-Site", "same-site"},
          new String[] {"POST", "Sec-Fetch-Site", "same-origin"},
          new String[] {"POST", "Sec-Fetch-Site", "none"},
          new String[] {"POST"},
          new String[] {"GET", "Sec-Fetch-Site", "cross-site"},
          new String[] {"HEAD", "Sec-Fetch-Site", "cross-site"});

  enum Mode {
    FALSE,
    TRUE,
    REPORT
  }

  static CorsPolicy policy(Mode mode, boolean disabled) {
    PolicyBuilder builder = new PolicyCatalog().builder();
    if (disabled) {
      builder.disabled("@CorsDisabled on X");
    } else {
      builder.origins(List.of(APP), "cors.allowed-origins").methods(List.of("GET", "PUT"), "m");
    }
    return switch (mode) {
      case FALSE -> builder.rejectDisallowed(false, "cors.reject-disallowed").build();
      case TRUE -> builder.rejectDisallowed(true, "cors.reject-disallowed").build();
      case REPORT -> builder.reportDisallowed("cors.policy.api.reject-disallowed").build();
    };
  }

  /** What a door does with an actual request: decide, end it or write the answer. */
  static Exchange run(CorsProtocol protocol, CorsPolicy policy, String[] request) {
    String[] headers = new String[request.length - 1];
    System.arraycopy(request, 1, headers, 0, headers.length);
    Exchange exchange = new Exchange(request[0], headers);
    if (!CorsProtocol.needsDecision(exchange)) {
      protocol.writeActual(null, policy, exchange);
      return exchange;
    }
    CorsDecision decision = protocol.decideActual(policy, exchange);
    if (exchange.ended == 0) {
      protocol.writeActual(decision, policy, exchange);
    }
    return exchange;
  }

  @Test
  void reportModeAnswersEveryRequestAsFalseDoesAndReportsWhatTrueRefuses() {
    for (boolean disabled : new boolean[] {false, true}) {
      int refusedByTrue = 0;
      reports.clear();
      for (String[] request : REQUESTS) {
        String what = String.join(" ", request) + (disabled ? " (disabled)" : "");
        Exchange asFalse = run(new CorsProtocol(false), policy(Mode.FALSE, disabled), request);
        Exchange asReport = run(new CorsProtocol(false), policy(Mode.REPORT, disabled), request);
        Exchange asTrue = run(new CorsProtocol(false), policy(Mode.TRUE, disabled), request);
        assertThat(asReport.ended).as(what).isEqualTo(asFalse.ended).isZero();
        assertThat(asReport.response).as(what).isEqualTo(asFalse.response);
        assertThat(asReport.exposed).as(what).isEqualTo(asFalse.exposed);
        if (asTrue.ended == 403) {
          refusedByTrue++;
        }
      }
      // true refuses: evil x2, null, invalid, two lines, cross-site POST, same-site PATCH; and,
      // where disabled, the allowed origin's two requests too
      // v1.3: the row of a foreign Origin marked same-origin is refused (it passed in v1.2)
      assertThat(refusedByTrue).isEqualTo(disabled ? 10 : 8);
      assertThat(reports).hasSize(refusedByTrue).allMatch(line -> line.startsWith("INFO "));
    }
  }

  @Test
  void aReportLineNamesTheMethodPathOriginAndTheReasonWithWhereReportModeWasSet() {
    CorsPolicy policy = policy(Mode.REPORT, false);
    run(new CorsProtocol(false), policy, new String[] {"DELETE", "Origin", EVIL});
    run(new CorsProtocol(false), policy, new String[] {"POST", "Sec-Fetch-Site", "cross-site"});
    run(
        new CorsProtocol(false),
        policy,
        new String[] {"PUT", "Origin", "https://x\u0007" + "a".repeat(300)});
    assertThat(reports.get(0))
        .isEqualTo(
            "INFO CORS report: strict mode would refuse DELETE /items/1 from "
                + EVIL
                + " (reject-disallowed=report in cors.policy.api.reject-disallowed): it"
                + " is not allowed: only [https://app.example.com] (from cors.allowed-origins)");
    assertThat(reports.get(1))
        .isEqualTo(
            "INFO CORS report: strict mode would refuse POST /items/1 from (none)"
                + " (reject-disallowed=report in cors.policy.api.reject-disallowed): a cross-site"
                + " POST without Origin (Sec-Fetch-Site: cross-site) counts as from an origin that"
                + " is not allowed under strict mode, set by cors.policy.api.reject-disallowed");
    assertThat(reports.get(2)).contains("from https://x\\u0007aaa").doesNotContain("\u0007");
    String origin = reports.get(2).split(" from ", 2)[1].split(" \\(reject", 2)[0];
    assertThat(origin).hasSize(203).endsWith("...");
  }

  @Test
  void strictModeRefusesAnUnsafeRequestTheBrowserMarksCrossSiteOrSameSiteWithoutOrigin() {
    CorsPolicy strict = policy(Mode.TRUE, false);
    for (String[] request : REQUESTS) {
      if (request.length >= 2 && !request[1].equals("Origin")) {
        Exchange exchange = run(new CorsProtocol(false), strict, request);
        String site = request.length > 2 ? request[2] : "";
        boolean unsafe = !request[0].equals("GET") && !request[0].equals("HEAD");
        boolean refused = unsafe && (site.equals("cross-site") || site.equals("same-site"));
        assertThat(exchange.ended).as(String.join(" ", request)).isEqualTo(refused ? 403 : 0);
        assertThat(exchange.response.keySet()).as(String.join(" ", request)).containsOnly("Vary");
      }
    }
    Exchange plain = run(new CorsProtocol(false), policy(Mode.FALSE, false), REQUESTS.get(9));
    assertThat(plain.ended).isZero();
  }

  @Test
  void atMostAHundredReportLinesAMinuteAndTheNextOneSaysHowManyWereLeftOut() {
    AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(45)); // any start: windows begin there
    ReportLog log = new ReportLog(now::get);
    for (int i = 0; i < 1000; i++) {
      log.report("DELETE", "items", "https://o" + i + ".example", "k", () -> "reason");
    }
    assertThat(reports).hasSize(ReportLog.LINES_PER_WINDOW);
    assertThat(reports).noneMatch(line -> line.contains("left out"));
    now.addAndGet(TimeUnit.SECONDS.toNanos(59));
    log.report("DELETE", "items", "https://late.example", "k", () -> "reason");
    assertThat(reports).hasSize(100);
    now.addAndGet(TimeUnit.SECONDS.toNanos(1));
    log.report("DELETE", "items", "https://next.example", "k", () -> "reason");
    log.report("DELETE", "items", "https://again.example", "k", () -> "reason");
    assertThat(reports).hasSize(102);
    assertThat(reports.get(100))
        .endsWith("reason [901 report lines were left out before this one: at most 100 a minute]");
    assertThat(reports.get(101)).endsWith(": reason");
  }

  @Test
  void reportsWhileTheLoggerIsOffDoNotUseUpTheMinute() {
    ReportLog log = new ReportLog(() -> 0L);
    reportLogger.setLevel(Level.OFF);
    try {
      for (int i = 0; i < 150; i++) {
        log.report("DELETE", "items", "https://o" + i + ".example", "k", () -> "reason");
      }
    } finally {
      reportLogger.setLevel(null);
    }
    log.report("DELETE", "items", "https://on.example", "k", () -> "reason");
    assertThat(reports).singleElement().satisfies(line -> assertThat(line).endsWith(": reason"));
  }

  @Test
  void aHostOutsideTheListEndsWith400AndNoCorsHeader() {
    AllowedHosts hosts = AllowedHosts.compile(List.of("api.example.com"), "cors.allowed-hosts");
    CorsProtocol protocol = new CorsProtocol(false, hosts, RequestCounter.NONE);
    assertThat(protocol.checksHosts()).isTrue();
    assertThat(new CorsProtocol(false).checksHosts()).isFalse();
    Exchange good = new Exchange("GET", "Host", "API.example.com:443", "Origin", APP);
    assertThat(protocol.refuseHost(good)).isFalse();
    Exchange rebound = new Exchange("GET", "Host", "attacker.example:8080", "Origin", APP);
    assertThat(protocol.refuseHost(rebound)).isTrue();
    assertThat(rebound.ended).isEqualTo(400);
    assertThat(rebound.response).isEmpty();
    Exchange twoLines = new Exchange("GET", "Host", "api.example.com", "Host", "api.example.com");
    assertThat(protocol.refuseHost(twoLines)).isTrue();
    assertThat(protocol.refuseHost(new Exchange("GET"))).isTrue();
    Exchange forwarded =
        new Exchange(
            "GET", "Host", "10.0.0.5:8080", "X-Forwarded-Host", "api.example.com, API.example.com");
    assertThat(protocol.refuseHost(forwarded)).isTrue();
    assertThat(new CorsProtocol(true, hosts, RequestCounter.NONE).refuseHost(forwarded)).isFalse();
    // API.md v1.3: every item of a forwarded list counts, not the first alone
    Exchange appended =
        new Exchange("GET", "Host", "10.0.0.5:8080", "X-Forwarded-Host", "api.example.com, x");
    assertThat(new CorsProtocol(true, hosts, RequestCounter.NONE).refuseHost(appended)).isTrue();
    Exchange forwardedElsewhere =
        new Exchange(
            "GET", "Host", "api.example.com", "Forwarded", "host=evil.example;proto=https");
    assertThat(new CorsProtocol(true, hosts, RequestCounter.NONE).refuseHost(forwardedElsewhere))
        .isTrue();
  }

  @Test
  void aForwardedSchemeDecidesTheDefaultPortOfAHostWithoutOne() {
    AllowedHosts https = AllowedHosts.compile(List.of("api.example.com:443"), "cors.allowed-hosts");
    CorsProtocol trusting = new CorsProtocol(true, https, RequestCounter.NONE);
    // the test exchange's own scheme is https
    assertThat(trusting.refuseHost(new Exchange("GET", "Host", "api.example.com"))).isFalse();
    assertThat(
            trusting.refuseHost(
                new Exchange("GET", "Host", "api.example.com", "X-Forwarded-Proto", "http")))
        .isTrue();
    assertThat(
            trusting.refuseHost(
                new Exchange(
                    "GET", "Host", "10.0.0.1", "Forwarded", "proto=https;host=api.example.com")))
        .isFalse();
    assertThat(
            new CorsProtocol(false, https, RequestCounter.NONE)
                .refuseHost(
                    new Exchange("GET", "Host", "api.example.com", "X-Forwarded-Proto", "http")))
        .isFalse();
  }

  @Test
  void anEmptyOriginListIsNoOriginForTheSecFetchSiteRule() {
    CorsPolicy strict = policy(Mode.TRUE, false);
    Exchange empty = new Exchange("POST", "Sec-Fetch-Site", "cross-site");
    empty.request.put("origin", List.of());
    CorsDecision decision = new CorsProtocol(false).decide(strict, empty);
    assertThat(decision.refusal()).isEqualTo(Refusal.ORIGIN_NOT_ALLOWED);
    Exchange none = new Exchange("POST", "Sec-Fetch-Site", "none");
    none.request.put("origin", List.of());
    assertThat(new CorsProtocol(false).decide(strict, none)).isNull();
    assertThat(new CorsProtocol(false).decide(policy(Mode.FALSE, false), empty)).isNull();
  }
}
