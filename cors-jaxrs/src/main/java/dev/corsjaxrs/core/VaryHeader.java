package dev.corsjaxrs.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Merges the CORS module's {@code Vary} items into the ones a response already has. */
final class VaryHeader {

  private VaryHeader() {}

  /**
   * The one {@code Vary} line that holds the response's items and {@code items}, each once (case
   * ignored), in order.
   *
   * @param lines the response's {@code Vary} lines (any objects; their text is read)
   * @param items the items to add, {@code ", "}-separated
   * @return the merged line, or null to leave the response alone ({@code Vary: *})
   */
  public static String merge(Iterable<?> lines, String items) {
    if (lines == null || !lines.iterator().hasNext()) {
      return items; // the usual case: nothing to merge with
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> merged = new ArrayList<>();
    for (Object line : lines) {
      for (String item : String.valueOf(line).split(",")) {
        String name = item.strip();
        if (name.equals("*")) {
          return null;
        }
        if (!name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) {
          merged.add(name);
        }
      }
    }
    for (String item : items.split(",")) { // one character: String.split compiles no pattern
      String name = item.strip();
      if (seen.add(name.toLowerCase(Locale.ROOT))) {
        merged.add(name);
      }
    }
    return String.join(", ", merged);
  }
}
