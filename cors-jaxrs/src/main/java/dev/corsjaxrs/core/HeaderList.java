package dev.corsjaxrs.core;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The header names a preflight asks for ({@code Access-Control-Request-Headers}, every line counted
 * as one list), read in one pass over its characters: names lower-cased, duplicates, empty items
 * and the white space around items dropped, the order kept (an answer that lists the names back
 * lists them in the order asked). Its {@link #key()} is that list comma-separated: what a browser
 * sends (the Fetch standard has it send the names sorted, lower-case, comma-separated), so a
 * browser's list is its own key, and other spellings of it share that key. No count limit: the
 * container already bounds the length of a header line.
 */
final class HeaderList {

  private static final HeaderList EMPTY = new HeaderList(List.of(), "", null);

  private final List<String> names;
  private final String key;
  private final String invalid;

  private HeaderList(List<String> names, String key, String invalid) {
    this.names = names;
    this.key = key;
    this.invalid = invalid;
  }

  /**
   * Reads the requested header names.
   *
   * @param lines every {@code Access-Control-Request-Headers} line
   * @return the list; {@link #invalid()} names the first item that is not a header name
   */
  static HeaderList parse(List<String> lines) {
    if (lines.isEmpty()) {
      return EMPTY;
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    StringBuilder name = new StringBuilder();
    for (String line : lines) {
      int length = line.length();
      for (int i = 0; i <= length; i++) {
        char c = i < length ? line.charAt(i) : ',';
        if (c == ',') {
          String item = strip(name);
          if (!item.isEmpty()) {
            if (!HttpSyntax.isToken(item)) {
              return new HeaderList(List.of(), null, item);
            }
            names.add(item);
          }
          name.setLength(0);
        } else {
          name.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
      }
    }
    return new HeaderList(List.copyOf(names), String.join(",", names), null);
  }

  /** The item between two commas without the optional white space around it. */
  private static String strip(StringBuilder item) {
    int start = 0;
    int end = item.length();
    while (start < end && (item.charAt(start) == ' ' || item.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (item.charAt(end - 1) == ' ' || item.charAt(end - 1) == '\t')) {
      end--;
    }
    return item.substring(start, end);
  }

  /**
   * The names, lower-case and unique, in the order asked.
   *
   * @return the names; empty when none was asked for or an item is invalid
   */
  List<String> names() {
    return names;
  }

  /**
   * The names joined with commas: the same for every spelling of the same list.
   *
   * @return the key, or null when an item is invalid
   */
  String key() {
    return key;
  }

  /**
   * The first item that is not a header name.
   *
   * @return the item (lower-cased), or null when every item is a header name
   */
  String invalid() {
    return invalid;
  }
}
