package dev.corsjaxrs.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code Access-Control-Expose-Headers} lists where a policy exposes {@code *} with
 * credentials (a literal {@code *} counts only without credentials, Fetch): the response's own
 * header names, less those a page reads anyway (CORS-safelisted response headers) and the CORS
 * headers themselves, {@code Vary} included.
 */
public final class ExposedHeaders {

  private static final Set<String> NOT_LISTED =
      Set.of(
          "cache-control",
          "content-language",
          "content-length",
          "content-type",
          "expires",
          "last-modified",
          "pragma",
          "vary");

  private ExposedHeaders() {}

  /**
   * The names to list, in the response's order, as one header value.
   *
   * @param responseHeaderNames the names of the headers the response has
   * @return the value, empty where nothing is to be listed
   */
  public static String namesOf(Collection<String> responseHeaderNames) {
    List<String> names = new ArrayList<>();
    for (String name : responseHeaderNames) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!NOT_LISTED.contains(lower)
          && !lower.startsWith("access-control-")
          && !names.contains(name)) {
        names.add(name);
      }
    }
    return String.join(", ", names);
  }
}
