package dev.corsjaxrs.core;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;

/**
 * A clock for the time limits of an origin check's cached answers, read on every request that
 * reuses one without asking the system: on some virtual machines a clock read costs several times a
 * cached decision. A daemon thread refreshes it every {@link #TICK_MILLIS} ms, so it lags the
 * system's {@link System#nanoTime()} by at most about that much. The thread holds the clock only
 * weakly and ends once the clock's deployment is gone; it is started only for a deployment with an
 * origin check.
 */
final class CoarseClock {

  /** How often the thread refreshes the clock. */
  static final long TICK_MILLIS = 50;

  private volatile long now = System.nanoTime();

  private CoarseClock() {}

  /**
   * Starts a clock and its thread.
   *
   * @return the clock
   */
  static CoarseClock start() {
    CoarseClock clock = new CoarseClock();
    Thread ticker = new Thread(new Ticker(clock), "cors-jaxrs origin-check clock");
    ticker.setDaemon(true);
    ticker.setContextClassLoader(null);
    ticker.start();
    return clock;
  }

  /**
   * The time, at most about {@link #TICK_MILLIS} ms behind {@link System#nanoTime()}.
   *
   * @return nanoseconds, comparable with {@link System#nanoTime()}
   */
  long now() {
    return now;
  }

  /** Refreshes a clock it holds weakly, until the clock is collected. */
  private static final class Ticker implements Runnable {
    private final WeakReference<CoarseClock> clock;

    Ticker(CoarseClock clock) {
      this.clock = new WeakReference<>(clock);
    }

    @Override
    public void run() {
      try {
        for (CoarseClock c = clock.get(); c != null; c = clock.get()) {
          c.now = System.nanoTime();
          c = null; // hold it only weakly while sleeping
          TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
