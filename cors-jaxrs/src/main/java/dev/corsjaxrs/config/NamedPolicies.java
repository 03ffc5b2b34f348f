package dev.corsjaxrs.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which named policy covers a path, by the {@code paths} items of every named policy, indexed at
 * deployment: an exact item wins over a {@code /*} item, a longer {@code /*} item over a shorter
 * one, and on a tie the policy whose name sorts first. A lookup costs one probe per segment of the
 * path, however many policies and items there are.
 */
final class NamedPolicies {

  private final Map<String, NamedPolicy> exact = new HashMap<>();
  private final Map<String, NamedPolicy> below = new HashMap<>();
  private NamedPolicy everything;

  /**
   * Indexes the paths of named policies.
   *
   * @param policies the policies, in name order
   */
  NamedPolicies(Collection<NamedPolicy> policies) {
    for (NamedPolicy policy : policies) {
      for (String item : policy.paths()) {
        if (item.equals("*")) {
          everything = everything == null ? policy : everything;
        } else if (item.endsWith("/*")) {
          below.putIfAbsent(item.substring(0, item.length() - 2), policy);
        } else {
          exact.putIfAbsent(item, policy);
        }
      }
    }
  }

  /**
   * The named policy whose paths cover a path most specifically.
   *
   * @param path a path relative to the application base, without leading slash
   * @return the policy, or null where none covers it
   */
  NamedPolicy covering(String path) {
    NamedPolicy policy = exact.get(path);
    if (policy != null || below.isEmpty()) {
      return policy != null ? policy : everything;
    }
    for (int end = path.length(); end >= 0; end = path.lastIndexOf('/', end - 1)) {
      policy = below.get(path.substring(0, end));
      if (policy != null) {
        return policy;
      }
      if (end == 0) {
        break;
      }
    }
    return everything;
  }
}
