package dev.corsjaxrs.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the java.util.logging records of one logger (and those below it) while attached, and
 * keeps them off the console meanwhile: the warnings a test provokes are asserted, not printed.
 */
final class LogCapture extends Handler implements AutoCloseable {

  final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger;
  private final boolean useParentHandlers;

  private LogCapture(Logger logger) {
    this.logger = logger;
    this.useParentHandlers = logger.getUseParentHandlers();
    setLevel(Level.ALL);
    logger.addHandler(this);
    logger.setUseParentHandlers(false);
  }

  /** Starts collecting from the named logger ("" for all). */
  static LogCapture of(String loggerName) {
    return new LogCapture(Logger.getLogger(loggerName));
  }

  /**
   * The runtime's records of a 4xx a resource throws: RESTEasy logs each such {@code
   * ClientErrorException} (401, 403) at ERROR (RESTEASY002010); tests that provoke them capture
   * them here and check that nothing else was logged above INFO.
   */
  static LogCapture resteasyClientErrors() {
    return of("org.jboss.resteasy");
  }

  /** Records above INFO. */
  List<LogRecord> aboveInfo() {
    return records.stream().filter(r -> r.getLevel().intValue() > Level.INFO.intValue()).toList();
  }

  /** Records above FINE: what a hostile request must never cause. */
  List<LogRecord> aboveFine() {
    return records.stream().filter(r -> r.getLevel().intValue() > Level.FINE.intValue()).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(useParentHandlers);
  }
}
