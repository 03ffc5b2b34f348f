package dev.corsjaxrs.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Writes what the module logs above INFO to {@link #FILE}, from before the application starts
 * (Quarkus's own file log begins after the deployment is read).
 */
public class ModuleLog implements QuarkusTestResourceLifecycleManager {

  static final Path FILE = Path.of("target/quarkus-module-warnings.log");

  private static final Logger MODULE = Logger.getLogger("dev.corsjaxrs");
  private Handler handler;

  @Override
  public Map<String, String> start() {
    try {
      Files.createDirectories(FILE.getParent());
      Files.deleteIfExists(FILE);
      Files.createFile(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() <= Level.INFO.intValue()) {
              return;
            }
            String line =
                record.getLevel() + " " + new SimpleFormatter().formatMessage(record) + "\n";
            try {
              Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    MODULE.addHandler(handler);
    return Map.of();
  }

  @Override
  public void stop() {
    MODULE.removeHandler(handler);
  }
}
