package dev.corsjaxrs.jaxrs;

import java.util.ArrayList;
import java.util.List;

/**
 * The deployment's INFO lines, one per resource path, written as one log record: through {@code
 * java.util.logging}, each record costs a caller lookup and a console write, which for a thousand
 * paths was most of what the module added to a cold start. Lines are kept while the runtime shows
 * its resources and written once they are all read (at the end of the deployment's own listing, or
 * at the latest before the first request is answered).
 */
final class StartupMap {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  private final List<String> pending = new ArrayList<>();
  private volatile boolean dirty;

  /** Keeps the lines of one root resource class. */
  synchronized void add(List<String> lines) {
    pending.addAll(lines);
    dirty = !pending.isEmpty();
  }

  /** Writes what is kept, as one record; a volatile read where nothing is. */
  void write() {
    if (!dirty) {
      return;
    }
    String text;
    synchronized (this) {
      if (pending.isEmpty()) {
        return;
      }
      text = String.join("\n", pending);
      pending.clear();
      dirty = false;
    }
    LOG.log(System.Logger.Level.INFO, "{0}", text);
  }
}
