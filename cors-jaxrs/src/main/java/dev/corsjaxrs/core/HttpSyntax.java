package dev.corsjaxrs.core;

import java.util.Locale;

/** The HTTP syntax rules the protocol checks, and a safe rendering of request values for logs. */
final class HttpSyntax {

  private HttpSyntax() {}

  /**
   * Whether a string is an HTTP token (RFC 9110): the syntax of method and header names.
   *
   * @param value the string
   * @return true for a non-empty token
   */
  public static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isTokenChar(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a character may appear in an HTTP token.
   *
   * @param c the character
   * @return true for a letter, a digit or one of {@code !#$%&'*+-.^_`|~}
   */
  static boolean isTokenChar(char c) {
    boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return alnum || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /**
   * A request value made safe for a log line: at most 100 characters of its printed form, control
   * and non-ASCII characters escaped as a backslash, u and four hex digits, and a backslash
   * doubled, so that no escape can be forged.
   *
   * @param value a value from a request, may be null
   * @return the printable form
   */
  public static String printable(String value) {
    return printable(value, 100);
  }

  /**
   * A request value made safe for a log line, as {@link #printable(String)}, at most {@code max}
   * characters.
   *
   * @param value a value from a request, may be null
   * @param max the most characters kept
   * @return the printable form
   */
  static String printable(String value, int max) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (; next < value.length(); next++) {
      char c = value.charAt(next);
      String printed =
          c < 0x20 || c > 0x7e
              ? String.format(Locale.ROOT, "\\u%04x", (int) c)
              : c == '\\' ? "\\\\" : null;
      int length = printed == null ? 1 : printed.length();
      if (out.length() + length > max) {
        break;
      }
      if (printed == null) {
        out.append(c);
      } else {
        out.append(printed);
      }
    }
    return next < value.length() ? out + "..." : out.toString();
  }
}
