package dev.corsjaxrs.config;

import java.util.List;

/**
 * A policy configured as {@code cors.policy.<name>.*}: its own settings and the request paths it
 * covers ({@code paths}, relative to the application base, without leading or trailing slash; an
 * item ending in {@code /*} covers that path and everything below it).
 */
record NamedPolicy(String name, PolicyLevel level, List<String> paths) {

  /**
   * How well this policy's paths cover a path: -1 for not at all, else the covering item's length.
   */
  int coverage(String path) {
    int best = -1;
    for (String item : paths) {
      if (item.equals("*")) {
        best = Math.max(best, 0);
      } else if (item.endsWith("/*")) {
        String base = item.substring(0, item.length() - 2);
        if (path.equals(base) || path.startsWith(base + "/")) {
          best = Math.max(best, base.length() + 1);
        }
      } else if (item.equals(path)) {
        best = Math.max(best, item.length() + 2);
      }
    }
    return best;
  }
}
