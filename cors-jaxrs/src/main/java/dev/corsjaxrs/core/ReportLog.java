package dev.corsjaxrs.core;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The report lines of report mode ({@code reject-disallowed=report}), on the logger {@code
 * dev.corsjaxrs.report} at INFO: at most {@link #LINES_PER_WINDOW} in each fixed 60-second window
 * for the whole deployment, so that a hostile client cannot fill the log; the first line after a
 * window that left lines out says how many.
 */
final class ReportLog {

  /** Most report lines written in one window. */
  static final int LINES_PER_WINDOW = 100;

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs.report");

  private final LongSupplier nanoClock;
  private final long start;
  private long window;
  private int written;
  private long leftOut;
  private long leftOutBefore;

  /** A report log on {@link System#nanoTime()}. */
  ReportLog() {
    this(System::nanoTime);
  }

  /** A report log on another clock, for tests. */
  ReportLog(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  /**
   * Reports a request that strict mode would have refused.
   *
   * @param method the request's method
   * @param path its path, relative to the application, without leading slash
   * @param origin its {@code Origin}, or null without one
   * @param rule where report mode was set
   * @param reason the refusal's sentence
   */
  void report(String method, String path, String origin, String rule, Supplier<String> reason) {
    if (!LOG.isLoggable(System.Logger.Level.INFO)) {
      return;
    }
    long leftOutThen;
    synchronized (this) {
      long now = (nanoClock.getAsLong() - start) / WINDOW_NANOS;
      if (now != window) {
        window = now;
        written = 0;
        leftOutBefore += leftOut;
        leftOut = 0;
      }
      if (written == LINES_PER_WINDOW) {
        leftOut++;
        return;
      }
      written++;
      leftOutThen = leftOutBefore;
      leftOutBefore = 0;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "CORS report: strict mode would refuse {0} /{1} from {2} ({3}): {4}{5}",
        HttpSyntax.printable(method),
        HttpSyntax.printable(path, 200),
        origin == null ? "(none)" : HttpSyntax.printable(origin, 200),
        "reject-disallowed=report in " + rule,
        reason.get(),
        leftOutThen == 0
            ? ""
            : " ["
                + leftOutThen
                + " report lines were left out before this one: at most "
                + LINES_PER_WINDOW
                + " a minute]");
  }
}
