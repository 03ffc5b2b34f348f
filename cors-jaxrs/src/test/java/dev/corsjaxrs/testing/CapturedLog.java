package dev.corsjaxrs.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The java.util.logging records of one logger (and those below it) while open, kept off the console
 * meanwhile: the warnings a test provokes are asserted, not printed.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger;
  private final boolean useParentHandlers;

  private CapturedLog(Logger logger) {
    this.logger = logger;
    this.useParentHandlers = logger.getUseParentHandlers();
    setLevel(Level.ALL);
    logger.addHandler(this);
    logger.setUseParentHandlers(false);
  }

  /**
   * Starts capturing.
   *
   * @param loggerName the logger, such as {@code dev.corsjaxrs}
   * @return the capture, to close when done
   */
  public static CapturedLog of(String loggerName) {
    return new CapturedLog(Logger.getLogger(loggerName));
  }

  /**
   * The records of one level, as their formatted messages.
   *
   * @param level the level
   * @return the messages, in order
   */
  public List<String> messages(Level level) {
    SimpleFormatter formatter = new SimpleFormatter();
    return records.stream()
        .filter(r -> r.getLevel().equals(level))
        .map(formatter::formatMessage)
        .toList();
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
