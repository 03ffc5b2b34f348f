package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsOriginCheck;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Origins the application decides: asked only about valid origins, answers reused and bounded. */
class OriginCheckTest {

  static final String OWN = "https://api.example.com";
  static final String LISTED = "https://app.example.com";

  /** Allows *.tenant.example and counts what it is asked. */
  static final class Tenants implements CorsOriginCheck {
    final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public boolean allows(String origin) {
      asked.add(origin);
      return origin.endsWith(".tenant.example");
    }
  }

  /** Allows every origin once released; counts its calls and tells when they are inside. */
  static final class Blocking implements CorsOriginCheck {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch inside;
    final CountDownLatch release = new CountDownLatch(1);

    Blocking(int callers) {
      this.inside = new CountDownLatch(callers);
    }

    @Override
    public boolean allows(String origin) {
      calls.incrementAndGet();
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    }
  }

  static CorsPolicy policy(PolicyCatalog catalog, CorsOriginCheck check, boolean credentials) {
    return catalog
        .builder()
        .origins(List.of(LISTED), "cors.allowed-origins")
        .allowCredentials(credentials, "c")
        .originCheck(check, "com.acme.Tenants", "cors.origin-check")
        .methods(List.of("GET", "PUT"), "m")
        .build();
  }

  static CorsDecision actual(CorsPolicy policy, String... origins) {
    return policy.actual(CorsRequest.actual(List.of(origins), null, OWN));
  }

  @Test
  void anOriginIsAllowedWhenListedOrWhenTheCheckSaysSo() {
    Tenants check = new Tenants();
    CorsPolicy policy = policy(new PolicyCatalog(), check, true);
    assertThat(actual(policy, "https://shop.tenant.example").headers())
        .containsAllEntriesOf(
            Map.of(
                "Access-Control-Allow-Origin", "https://shop.tenant.example",
                "Access-Control-Allow-Credentials", "true"))
        .hasSize(2);
    assertThat(actual(policy, LISTED).headers())
        .containsEntry("Access-Control-Allow-Origin", LISTED);
    assertThat(check.asked)
        .as("listed origins need no check")
        .containsExactly("https://shop.tenant.example");
    CorsDecision refused = actual(policy, "https://evil.example");
    assertThat(refused.refusal()).isEqualTo(Refusal.ORIGIN_NOT_ALLOWED);
    assertThat(refused.explanation())
        .contains("nor by check com.acme.Tenants (from cors.origin-check)");
    assertThat(refused.vary()).isEqualTo("Origin");
    CorsDecision preflight =
        policy.preflight(
            new CorsRequest(
                List.of("https://shop.tenant.example"), "PUT", List.of(), null, null, OWN));
    assertThat(preflight.headers())
        .containsEntry("Access-Control-Allow-Origin", "https://shop.tenant.example");
    assertThat(policy.toString()).contains("origins=[" + LISTED + "] + check com.acme.Tenants");
  }

  @Test
  void theCheckIsAskedOnlyAboutNormalisedValidOrigins() {
    Tenants check = new Tenants();
    CorsPolicy policy = policy(new PolicyCatalog(), check, false);
    assertThat(actual(policy, "null").isRefused()).isTrue();
    assertThat(actual(policy, "https://x.tenant.example/path").isRefused()).isTrue();
    assertThat(actual(policy, "https://a.tenant.example", "https://b.tenant.example").isRefused())
        .isTrue();
    assertThat(check.asked).isEmpty();
    assertThat(actual(policy, "HTTPS://Shop.Tenant.Example:443").isAllowed()).isTrue();
    assertThat(check.asked).containsExactly("https://shop.tenant.example");
  }

  @Test
  void varyIsOriginEvenWithNothingListed() {
    CorsPolicy policy = new PolicyCatalog().builder().originCheck(new Tenants(), "T", "s").build();
    assertThat(policy.actualVary()).isEqualTo("Origin");
    assertThat(policy.actual(CorsRequest.actual(List.of(), null, OWN)).vary()).isEqualTo("Origin");
  }

  @Test
  void answersAreReusedForTheConfiguredTimeOnly() throws InterruptedException {
    Tenants check = new Tenants();
    CorsPolicy kept = policy(new PolicyCatalog(64, 60), check, false);
    for (int i = 0; i < 5; i++) {
      assertThat(actual(kept, "https://a.tenant.example").isAllowed()).isTrue();
      assertThat(actual(kept, "https://evil.example").isRefused()).isTrue();
    }
    assertThat(check.asked).containsExactly("https://a.tenant.example", "https://evil.example");
    Tenants every = new Tenants();
    CorsPolicy asked = policy(new PolicyCatalog(64, 0), every, false);
    for (int i = 0; i < 5; i++) {
      actual(asked, "https://a.tenant.example");
    }
    assertThat(every.asked).hasSize(5);
  }

  @Test
  void aCachedYesCostsNoAllocationAndTheCacheStaysBounded() {
    Tenants check = new Tenants();
    PolicyCatalog catalog = new PolicyCatalog(64, 60);
    CorsPolicy policy = policy(catalog, check, false);
    CorsDecision first = actual(policy, "https://a.tenant.example");
    assertThat(actual(policy, "https://a.tenant.example")).isSameAs(first);
    for (int i = 0; i < 1000; i++) {
      actual(policy, "https://t" + i + ".tenant.example");
      actual(policy, "https://t" + i + ".evil.example");
    }
    assertThat(catalog.cachedAnswers()).isLessThanOrEqualTo(128);
  }

  @Test
  void oneOriginAskedByManyRequestsAtOnceIsAskedOnce() throws Exception {
    Blocking slow = new Blocking(1);
    AtomicInteger calls = slow.calls;
    CountDownLatch inside = slow.inside;
    CountDownLatch release = slow.release;
    CorsPolicy policy = policy(new PolicyCatalog(64, 60, 8), slow, false);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<CorsDecision>> answers = new java.util.ArrayList<>();
      answers.add(pool.submit(() -> actual(policy, "https://a.tenant.example")));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 7; i++) {
        answers.add(pool.submit(() -> actual(policy, "https://a.tenant.example")));
      }
      Thread.sleep(200);
      release.countDown();
      for (Future<CorsDecision> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS).isAllowed()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void aCheckThatThrowsCountsAsNoIsNotReusedAndIsLoggedOnceAMinute() {
    AtomicInteger calls = new AtomicInteger();
    CorsOriginCheck failing =
        origin -> {
          calls.incrementAndGet();
          throw new IllegalStateException("registry down");
        };
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("dev.corsjaxrs");
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    try {
      CorsPolicy policy =
          new PolicyCatalog().builder().originCheck(failing, "com.acme.Failing", "s").build();
      for (int i = 0; i < 3; i++) {
        assertThat(actual(policy, "https://a.tenant.example").isRefused()).isTrue();
        assertThat(
                policy
                    .preflight(
                        new CorsRequest(
                            List.of("https://a.tenant.example"), "GET", List.of(), null, null, OWN))
                    .isRefused())
            .isTrue();
      }
    } finally {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(true);
    }
    assertThat(calls.get()).isEqualTo(6);
    List<LogRecord> warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage()).contains("com.acme.Failing");
    assertThat(warnings.get(0).getThrown()).hasMessage("registry down");
  }

  /** Throws what it is handed, checked or not, as a Kotlin or a {@code @SneakyThrows} check can. */
  static final class Throwing implements CorsOriginCheck {
    final Throwable thrown;
    final Blocking gate = new Blocking(1);

    Throwing(Throwable thrown) {
      this.thrown = thrown;
    }

    @Override
    public boolean allows(String origin) {
      gate.allows(origin);
      return Throwing.<RuntimeException>sneaky(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> boolean sneaky(Throwable thrown) throws T {
      throw (T) thrown;
    }
  }

  @Test
  void anythingACheckThrowsCountsAsNoAndEveryWaiterHasItsAnswerAtOnce() throws Exception {
    for (Throwable thrown :
        List.of(
            new java.io.IOException("registry unreachable"),
            new AssertionError("tenant table inconsistent"),
            new Exception("plain checked"))) {
      Throwing check = new Throwing(thrown);
      CorsPolicy policy = policy(new PolicyCatalog(64, 60, 16), check, false);
      List<LogRecord> warnings = new CopyOnWriteArrayList<>();
      Handler handler = collect(warnings);
      ExecutorService pool = Executors.newFixedThreadPool(9);
      try {
        List<Future<CorsDecision>> answers = new java.util.ArrayList<>();
        answers.add(pool.submit(() -> actual(policy, "https://a.tenant.example")));
        assertThat(check.gate.inside.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 8; i++) {
          answers.add(pool.submit(() -> actual(policy, "https://a.tenant.example")));
        }
        Thread.sleep(200);
        long released = System.nanoTime();
        check.gate.release.countDown();
        for (Future<CorsDecision> answer : answers) {
          assertThat(answer.get(10, TimeUnit.SECONDS).isRefused()).as("%s", thrown).isTrue();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released))
            .as("waiters are not kept for the %d s wait", CheckAnswers.WAIT_SECONDS)
            .isLessThan(TimeUnit.SECONDS.toMillis(CheckAnswers.WAIT_SECONDS) / 2);
      } finally {
        pool.shutdownNow();
        release(handler);
      }
      assertThat(check.gate.calls.get()).isEqualTo(1);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getMessage()).contains("com.acme.Tenants", "threw");
      assertThat(warnings.get(0).getThrown()).isSameAs(thrown);
    }
  }

  @Test
  void beyondTheBoundOnConcurrentCallsAnOriginIsNoAtOnceAndAskedAgainLater() throws Exception {
    Blocking slow = new Blocking(2);
    AtomicInteger calls = slow.calls;
    CountDownLatch inside = slow.inside;
    CountDownLatch release = slow.release;
    CorsPolicy policy = policy(new PolicyCatalog(64, 60, 2), slow, false);
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler = collect(warnings);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<CorsDecision> first = pool.submit(() -> actual(policy, "https://a.tenant.example"));
      Future<CorsDecision> second = pool.submit(() -> actual(policy, "https://b.tenant.example"));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        assertThat(actual(policy, "https://c" + i + ".tenant.example").isRefused())
            .as("a third thread is not let in")
            .isTrue();
      }
      assertThat(actual(policy, "https://a.tenant.example").isRefused())
          .as("nor is a waiter for a running call")
          .isTrue();
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).isAllowed()).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS).isAllowed()).isTrue();
    } finally {
      pool.shutdownNow();
      release(handler);
    }
    assertThat(calls.get()).isEqualTo(2);
    assertThat(actual(policy, "https://c0.tenant.example").isAllowed())
        .as("the refusal was not kept")
        .isTrue();
    assertThat(calls.get()).isEqualTo(3);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage()).contains("com.acme.Tenants", "2 calls running");
  }

  @Test
  void aCheckThatThrowsAndOneAtItsBoundAreWarnedAboutOnceAMinuteInAll() throws Exception {
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    CorsOriginCheck check =
        origin -> {
          if (!origin.contains("slow")) {
            throw new IllegalStateException("registry down");
          }
          inside.countDown();
          try {
            return release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        };
    CorsPolicy policy = policy(new PolicyCatalog(64, 0, 2), check, false);
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler = collect(warnings);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<CorsDecision> first = pool.submit(() -> actual(policy, "https://slow1.example"));
      Future<CorsDecision> second = pool.submit(() -> actual(policy, "https://slow2.example"));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(actual(policy, "https://bound.example").isRefused()).isTrue();
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).isAllowed()).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS).isAllowed()).isTrue();
      assertThat(actual(policy, "https://throws.example").isRefused()).isTrue();
      assertThat(actual(policy, "https://throws-again.example").isRefused()).isTrue();
    } finally {
      pool.shutdownNow();
      release(handler);
    }
    // API.md: at most once a minute per check class, whatever went wrong (v1.2 kept the two apart)
    assertThat(warnings)
        .extracting(LogRecord::getMessage)
        .satisfiesExactly(
            bound -> assertThat(bound).contains("com.acme.Tenants has 2 calls running"));
  }

  @Test
  void aWaiterThatIsInterruptedGetsNoAndKeepsItsInterrupt() throws Exception {
    Blocking slow = new Blocking(1);
    CorsPolicy policy = policy(new PolicyCatalog(64, 60, 4), slow, false);
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      Future<CorsDecision> first = pool.submit(() -> actual(policy, "https://a.tenant.example"));
      assertThat(slow.inside.await(10, TimeUnit.SECONDS)).isTrue();
      boolean[] interrupted = new boolean[1];
      CorsDecision[] waited = new CorsDecision[1];
      Thread waiter =
          new Thread(
              () -> {
                Thread.currentThread().interrupt();
                waited[0] = actual(policy, "https://a.tenant.example");
                interrupted[0] = Thread.currentThread().isInterrupted();
              });
      waiter.start();
      waiter.join(10_000);
      assertThat(waited[0].isRefused()).as("an interrupted waiter's answer").isTrue();
      assertThat(interrupted[0]).as("its interrupt is kept").isTrue();
      slow.release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).isAllowed()).isTrue();
      assertThat(slow.calls).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Handler collect(List<LogRecord> warnings) {
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("dev.corsjaxrs");
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    return handler;
  }

  /** Detaches a handler of {@link #collect}: the expected warnings were kept off the console. */
  private static void release(Handler handler) {
    Logger logger = Logger.getLogger("dev.corsjaxrs");
    logger.removeHandler(handler);
    logger.setUseParentHandlers(true);
  }

  @Test
  void aDeploymentWithACheckStartsNoThread() throws Exception {
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    PolicyCatalog catalog = new PolicyCatalog(64, 1);
    CorsPolicy policy = policy(catalog, new Tenants(), false);
    for (int i = 0; i < 3; i++) {
      assertThat(actual(policy, "https://a.tenant.example").isAllowed()).isTrue();
    }
    Thread.sleep(100);
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(thread -> !before.contains(thread))
        .as("threads started while a deployment with a check decided")
        .noneMatch(
            thread ->
                thread.getName().startsWith("cors-jaxrs")
                    || java.util.Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("dev.corsjaxrs.")));
  }

  @Test
  void policiesWithAndWithoutACheckNeverShareAnswers() {
    PolicyCatalog catalog = new PolicyCatalog();
    CorsPolicy withCheck = policy(catalog, new Tenants(), false);
    CorsPolicy without =
        catalog
            .builder()
            .origins(List.of(LISTED), "cors.allowed-origins")
            .methods(List.of("GET", "PUT"), "m")
            .build();
    assertThat(actual(withCheck, "https://a.tenant.example").isAllowed()).isTrue();
    assertThat(actual(without, "https://a.tenant.example").isAllowed()).isFalse();
  }

  @Test
  void anExpiredYesIsAskedAgainWithoutDisturbingAnotherPolicysAnswer() throws InterruptedException {
    PolicyCatalog catalog = new PolicyCatalog(64, 1);
    Tenants check = new Tenants();
    CorsPolicy checked = catalog.builder().originCheck(check, "T", "s").build();
    CorsPolicy patterned =
        catalog.builder().origins(List.of("https://*.tenant.example"), "o").build();
    String origin = "https://a.tenant.example";
    CorsDecision viaCheck = actual(checked, origin);
    CorsDecision viaPattern = actual(patterned, origin);
    assertThat(viaCheck.isAllowed()).isTrue();
    assertThat(actual(checked, origin)).isSameAs(viaCheck);
    assertThat(check.asked).hasSize(1);
    Thread.sleep(1300);
    CorsDecision again = actual(checked, origin);
    assertThat(again.isAllowed()).isTrue();
    assertThat(again).as("decided anew after expiry").isNotSameAs(viaCheck);
    assertThat(check.asked).hasSize(2);
    assertThat(actual(checked, origin)).isSameAs(again);
    assertThat(actual(patterned, origin)).as("the pattern's answer stays").isSameAs(viaPattern);
    CorsDecision otherFirst = actual(patterned, "https://b.tenant.example");
    assertThat(actual(checked, "https://b.tenant.example").isAllowed()).isTrue();
    Thread.sleep(1300);
    assertThat(actual(checked, "https://b.tenant.example").isAllowed()).isTrue();
    assertThat(actual(patterned, "https://b.tenant.example")).isSameAs(otherFirst);
    assertThat(check.asked).hasSize(4);
  }
}
