package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check answers' clock advances while its deployment lives, and its thread ends after. */
class CoarseClockTest {

  static long tickers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("cors-jaxrs origin-check clock"))
        .count();
  }

  @Test
  void advancesAndItsThreadEndsOnceTheClockIsGone() throws InterruptedException {
    CoarseClock clock = CoarseClock.start();
    long first = clock.now();
    Thread.sleep(4 * CoarseClock.TICK_MILLIS);
    assertThat(clock.now()).isGreaterThan(first);
    assertThat(System.nanoTime() - clock.now()).isLessThan(1_000_000_000L);
    assertThat(tickers()).isPositive();
    clock = null;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (tickers() > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(2 * CoarseClock.TICK_MILLIS);
    }
    assertThat(tickers()).as("clock threads left").isZero();
  }
}
