package dev.corsjaxrs.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the java.util.logging records of some loggers (and those below them) while attached, and
 * keeps them off the console meanwhile: the warnings a test provokes are asserted, not printed.
 */
final class LogCapture extends Handler implements AutoCloseable {

  final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Boolean> useParentHandlers = new ArrayList<>();

  private LogCapture(String... names) {
    setLevel(Level.ALL);
    for (String name : names) {
      Logger logger = Logger.getLogger(name);
      loggers.add(logger);
      useParentHandlers.add(logger.getUseParentHandlers());
      logger.addHandler(this);
      logger.setUseParentHandlers(false);
    }
  }

  /** Starts collecting from the named loggers ("" for all). */
  static LogCapture of(String... loggerNames) {
    return new LogCapture(loggerNames);
  }

  /**
   * The runtimes' records of a 4xx a resource throws: RESTEasy logs each such {@code
   * ClientErrorException} (401, 403) at ERROR (RESTEASY002010), CXF each 4xx at WARNING; tests that
   * provoke them capture them here and check, with {@link #onlyClientErrors}, that nothing else was
   * logged above INFO.
   */
  static LogCapture runtimeClientErrors() {
    return of("org.jboss.resteasy", "org.apache.cxf");
  }

  /** Whether every record above INFO is a runtime's report of a 4xx answer. */
  boolean onlyClientErrors() {
    return aboveInfo().stream()
        .allMatch(
            r ->
                String.valueOf(r.getThrown() != null ? r.getThrown() : r.getMessage())
                    .matches("(?s).*(HTTP 4\\d\\d|jakarta\\.ws\\.rs\\.\\w+Exception).*"));
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
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).removeHandler(this);
      loggers.get(i).setUseParentHandlers(useParentHandlers.get(i));
    }
  }
}
