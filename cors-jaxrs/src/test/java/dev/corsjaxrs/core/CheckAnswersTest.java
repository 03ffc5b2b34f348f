package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsOriginCheck;
import dev.corsjaxrs.testing.CapturedLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Origin checks under load (API.md v1.3): answers of yes and of no are kept apart, so unknown
 * origins never evict an allowed one; once an allowed origin's answer is old, one request asks
 * again while the others, and any request that finds every slot busy, take the last answer.
 */
class CheckAnswersTest {

  static final String TENANT = "https://acme.tenant.example";

  /** Says yes to tenants, counts every question, and can be held inside a question. */
  static final class Registry implements CorsOriginCheck {
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile CountDownLatch inside = new CountDownLatch(0);
    volatile CountDownLatch release = new CountDownLatch(0);
    volatile boolean tenantsAllowed = true;
    volatile boolean throwing;

    @Override
    public boolean allows(String origin) {
      asked.add(origin);
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (throwing) {
        throw new IllegalStateException("registry down");
      }
      return tenantsAllowed && origin.endsWith(".tenant.example");
    }

    /** The next question waits inside the check until {@link #release} is counted down. */
    void holdNext() {
      inside = new CountDownLatch(1);
      release = new CountDownLatch(1);
    }
  }

  final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    release.countDown();
    pool.shutdownNow();
  }

  private CountDownLatch release = new CountDownLatch(0);

  static boolean allowed(CheckAnswers answers, Registry check, String origin) {
    return answers.allowedUntil(check, "com.acme.Registry", origin) != CheckAnswers.NO;
  }

  @Test
  void noNumberOfUnknownOriginsEvictsAnAllowedOne() {
    CheckAnswers answers = new CheckAnswers(2, 60, 2);
    Registry check = new Registry();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    for (int i = 0; i < 20; i++) {
      assertThat(allowed(answers, check, "https://o" + i + ".flood.example")).isFalse();
    }
    assertThat(allowed(answers, check, TENANT)).isTrue();
    assertThat(check.asked).filteredOn(TENANT::equals).hasSize(1);
    assertThat(allowed(answers, check, "https://o19.flood.example")).as("kept no").isFalse();
    assertThat(check.asked).hasSize(21);
  }

  @Test
  void anOldYesHoldsWhileOneRequestAsksAgain() throws Exception {
    CheckAnswers answers = new CheckAnswers(64, 1, 2);
    Registry check = new Registry();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    Thread.sleep(1100);
    check.holdNext();
    release = check.release;
    Future<Boolean> asking = pool.submit(() -> allowed(answers, check, TENANT));
    assertThat(check.inside.await(5, TimeUnit.SECONDS)).isTrue();
    long until = answers.allowedUntil(check, "com.acme.Registry", TENANT);
    assertThat(until).as("the last answer, for this request only").isNotEqualTo(CheckAnswers.NO);
    assertThat(until - System.nanoTime()).isLessThanOrEqualTo(0);
    assertThat(check.asked).as("asked once more, not twice").hasSize(2);
    check.release.countDown();
    assertThat(asking.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    assertThat(check.asked).hasSize(2);
  }

  @Test
  void anOldYesHoldsWhenEverySlotIsBusyAndAnUnknownOriginDoesNot() throws Exception {
    try (CapturedLog log = CapturedLog.of("dev.corsjaxrs")) {
      busySlots();
      assertThat(log.messages(Level.WARNING))
          .singleElement()
          .asString()
          .contains("com.acme.Registry has 1 calls running or waiting");
    }
  }

  private void busySlots() throws Exception {
    CheckAnswers answers = new CheckAnswers(64, 1, 1);
    Registry check = new Registry();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    Thread.sleep(1100);
    check.holdNext();
    release = check.release;
    Future<Boolean> flood = pool.submit(() -> allowed(answers, check, "https://x.flood.example"));
    assertThat(check.inside.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(allowed(answers, check, TENANT)).as("the slot is busy: the last answer").isTrue();
    assertThat(allowed(answers, check, "https://other.tenant.example"))
        .as("never allowed: no last answer to take")
        .isFalse();
    check.release.countDown();
    assertThat(flood.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(check.asked).containsExactly(TENANT, "https://x.flood.example");
  }

  @Test
  void anOldYesThatTurnsNoIsRefusedAndKept() throws Exception {
    CheckAnswers answers = new CheckAnswers(64, 1, 2);
    Registry check = new Registry();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    Thread.sleep(1100);
    check.tenantsAllowed = false;
    assertThat(allowed(answers, check, TENANT)).isFalse();
    assertThat(allowed(answers, check, TENANT)).as("the no is kept").isFalse();
    assertThat(check.asked).hasSize(2);
  }

  @Test
  void aThrowWhileAskingAgainIsNoForThatRequestAndNotKept() throws Exception {
    CheckAnswers answers = new CheckAnswers(64, 1, 2);
    Registry check = new Registry();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    Thread.sleep(1100);
    check.throwing = true;
    try (CapturedLog log = CapturedLog.of("dev.corsjaxrs")) {
      assertThat(allowed(answers, check, TENANT)).isFalse();
      assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("threw");
    }
    check.throwing = false;
    assertThat(allowed(answers, check, TENANT)).isTrue();
    assertThat(check.asked).hasSize(3);
  }

  @Test
  void withoutKeepingEveryRequestAsks() {
    CheckAnswers answers = new CheckAnswers(64, 0, 2);
    Registry check = new Registry();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    assertThat(allowed(answers, check, TENANT)).isTrue();
    assertThat(allowed(answers, check, "https://x.flood.example")).isFalse();
    assertThat(allowed(answers, check, "https://x.flood.example")).isFalse();
    assertThat(check.asked).hasSize(4);
  }
}
