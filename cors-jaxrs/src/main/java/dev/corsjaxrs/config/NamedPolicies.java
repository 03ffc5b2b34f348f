package dev.corsjaxrs.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which named policy covers a path, by the {@code paths} items of every named policy, indexed at
 * deployment: an exact item wins over a {@code /*} item, a longer {@code /*} item over a shorter
 * one, and on a tie the policy whose name sorts first. Items are request paths as the runtime
 * decodes them for matching ({@code /users/m%65} is {@code users/me}), never {@code @Path}
 * templates: this is the one place they are compared with a request. A lookup costs one probe per
 * segment of the path, however many policies and items there are.
 */
final class NamedPolicies {

  private final Collection<NamedPolicy> policies;
  private final Map<String, NamedPolicy> exact = new HashMap<>();
  private final Map<String, NamedPolicy> below = new HashMap<>();
  private NamedPolicy everything;

  /**
   * Indexes the paths of named policies.
   *
   * @param policies the policies, in name order
   */
  NamedPolicies(Collection<NamedPolicy> policies) {
    this.policies = List.copyOf(policies);
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

  /** Whether any named policy has paths, so that a request path can choose a policy. */
  boolean isEmpty() {
    return everything == null && exact.isEmpty() && below.isEmpty();
  }

  /**
   * The named policies that may cover a request a resource serves.
   *
   * @param mayServe whether the resource may serve a request at a path item ({@code users/me}) or
   *     at or below it ({@code acme/*}); conservative: true where it cannot be ruled out
   * @return the policies, in name order
   */
  List<NamedPolicy> candidates(Predicate<String> mayServe) {
    List<NamedPolicy> candidates = new ArrayList<>();
    for (NamedPolicy policy : policies) {
      if (policy.paths().stream().anyMatch(mayServe)) {
        candidates.add(policy);
      }
    }
    return candidates;
  }

  /**
   * The named policy whose paths cover a request path most specifically.
   *
   * @param encodedPath a request path relative to the application base, without leading slash and
   *     without matrix parameters, as sent (percent-encoded); it is decoded here
   * @return the policy, or null where none covers it
   */
  NamedPolicy covering(String encodedPath) {
    if (isEmpty()) {
      return null;
    }
    String path = decode(encodedPath);
    if (path.length() > 1 && path.endsWith("/")) {
      // served as the path without it (templates match with or without a trailing slash)
      path = path.substring(0, path.length() - 1);
    }
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

  /**
   * A path's percent-escapes decoded as UTF-8, as runtimes decode a path for matching ({@code +}
   * stays a plus; an escape that is not one stays as sent). Dot segments are not resolved: the
   * container has done that for those sent as dots, and an escaped one is a segment of its own.
   */
  static String decode(String path) {
    int percent = path.indexOf('%');
    if (percent < 0) {
      return path;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
    byte[] head = path.substring(0, percent).getBytes(StandardCharsets.UTF_8);
    bytes.write(head, 0, head.length);
    for (int i = percent; i < path.length(); i++) {
      char c = path.charAt(i);
      int high = c == '%' && i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
      int low = high >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
      if (low >= 0) {
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < path.length() ? i + 2 : i + 1;
        byte[] encoded = path.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i = end - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
