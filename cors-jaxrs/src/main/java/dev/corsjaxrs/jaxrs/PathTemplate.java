package dev.corsjaxrs.jaxrs;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jakarta REST {@code @Path} template ({@code items/{id}}, {@code files/{path: .+}}) compiled
 * once at deployment, with the figures the Jakarta REST matching rules sort candidates by: literal
 * characters, template variables, and variables with their own regular expression (each the more,
 * the earlier). Its literal text is percent-encoded as a request path is ({@code spa ce} matches
 * {@code spa%20ce}), since runtimes match the encoded path.
 */
final class PathTemplate implements Comparable<PathTemplate> {

  private final String template;
  private final boolean prefix;
  private final Pattern pattern;
  private final int literalCharacters;
  private final int variables;
  private final int regexVariables;

  /**
   * Compiles a template.
   *
   * @param template the template, without leading or trailing slash
   * @param prefix true to match the template followed by anything ("(/.*)?"), as a root resource
   *     class or a sub-resource locator does
   */
  PathTemplate(String template, boolean prefix) {
    this.prefix = prefix;
    StringBuilder encoded = new StringBuilder();
    StringBuilder regex = new StringBuilder();
    int literals = 0;
    int vars = 0;
    int regexVars = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int depth = 1;
        int j = i + 1;
        while (j < template.length() && depth > 0) {
          char d = template.charAt(j);
          depth += d == '{' ? 1 : d == '}' ? -1 : 0;
          j++;
        }
        String variable = template.substring(i + 1, Math.max(i + 1, j - 1));
        int colon = variable.indexOf(':');
        vars++;
        encoded.append(template, i, j);
        if (colon >= 0) {
          regexVars++;
          regex.append('(').append(variable.substring(colon + 1).strip()).append(')');
        } else {
          regex.append("([^/]+)");
        }
        i = j;
      } else {
        int next = template.indexOf('{', i);
        String literal = template.substring(i, next < 0 ? template.length() : next);
        String encodedLiteral = encode(literal);
        literals += encodedLiteral.length();
        encoded.append(encodedLiteral);
        regex.append(Pattern.quote(encodedLiteral));
        i += literal.length();
      }
    }
    if (template.isEmpty()) {
      regex.append(prefix ? "(.*)" : "/?");
    } else {
      regex.append(prefix ? "(/.*)?" : "/?");
    }
    this.template = encoded.toString();
    this.pattern = Pattern.compile(regex.toString());
    this.literalCharacters = literals;
    this.variables = vars;
    this.regexVariables = regexVars;
  }

  /** A matcher of the path; for a prefix template, {@link #rest} tells what it leaves. */
  Matcher matcher(String path) {
    return pattern.matcher(path);
  }

  /**
   * What a matched prefix template leaves of the path, without leading slash.
   *
   * @param matched a matcher of a prefix template that matched
   * @return the rest of the path, possibly empty
   */
  static String rest(Matcher matched) {
    String rest = matched.group(matched.groupCount());
    if (rest == null) {
      return "";
    }
    int start = 0;
    while (start < rest.length() && rest.charAt(start) == '/') {
      start++;
    }
    return rest.substring(start);
  }

  /**
   * Whether this template, compiled from a root's path down to a resource, may match a request at a
   * named policy's {@code paths} item, or, for an item ending in {@code /*}, at or below it. The
   * item is a decoded path and is compared encoded, as a request would send it; where a longer path
   * could still match (a variable, a regular expression), the answer is yes.
   *
   * @param item a {@code paths} item, normalised ({@code users/me}, {@code acme/*}, {@code *})
   * @return false only where no request path the item covers can match
   */
  boolean mayServe(String item) {
    if (item.equals("*")) {
      return true;
    }
    boolean below = item.endsWith("/*");
    String path = encode(below ? item.substring(0, item.length() - 2) : item);
    if (pattern.matcher(path).matches()) {
      return true;
    }
    if (!below) {
      return false;
    }
    Matcher longer = pattern.matcher(path + "/");
    return longer.matches() || longer.hitEnd();
  }

  /** The template, its literal text percent-encoded. */
  String template() {
    return template;
  }

  /** Whether the template matches what starts with it (a resource class or a locator). */
  boolean isPrefix() {
    return prefix;
  }

  /**
   * The first segment of the template where it is literal text, so that only paths starting with it
   * can match.
   *
   * @return the segment, or null where it is empty or holds a variable
   */
  String literalFirstSegment() {
    int slash = template.indexOf('/');
    String first = slash < 0 ? template : template.substring(0, slash);
    return first.isEmpty() || first.indexOf('{') >= 0 ? null : first;
  }

  /**
   * Whether the template is literal text only, matching one path (and that path with a trailing
   * slash).
   *
   * @return true without variables
   */
  boolean isLiteral() {
    return variables == 0;
  }

  /** Sorts the way Jakarta REST tries candidates: most literal, most variables, most regexes. */
  @Override
  public int compareTo(PathTemplate other) {
    if (literalCharacters != other.literalCharacters) {
      return Integer.compare(other.literalCharacters, literalCharacters);
    }
    if (variables != other.variables) {
      return Integer.compare(other.variables, variables);
    }
    return Integer.compare(other.regexVariables, regexVariables);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PathTemplate && ((PathTemplate) other).template.equals(template);
  }

  @Override
  public int hashCode() {
    return template.hashCode();
  }

  @Override
  public String toString() {
    return template;
  }

  /**
   * A request path with the matrix parameters of each segment removed ({@code a;x=1/b;} becomes
   * {@code a/b}), as Jakarta REST removes them before matching.
   *
   * @param path a request path, encoded
   * @return the path without matrix parameters
   */
  static String withoutMatrixParameters(String path) {
    int semicolon = path.indexOf(';');
    if (semicolon < 0) {
      return path;
    }
    StringBuilder out = new StringBuilder(path.length());
    int from = 0;
    while (semicolon >= 0) {
      out.append(path, from, semicolon);
      int slash = path.indexOf('/', semicolon);
      if (slash < 0) {
        return out.toString();
      }
      from = slash;
      semicolon = path.indexOf(';', from);
    }
    return out.append(path, from, path.length()).toString();
  }

  /** Joins two templates (or encoded paths) without leading or trailing slash. */
  static String joinEncoded(String first, String second) {
    return first.isEmpty() ? second : second.isEmpty() ? first : first + "/" + second;
  }

  /**
   * Percent-encodes what a request path would carry encoded: everything but unreserved characters,
   * sub-delimiters, {@code :}, {@code @}, {@code /} and an existing {@code %XX}.
   */
  static String encode(String literal) {
    StringBuilder out = null;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      boolean keep =
          (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0))
              || (c == '%' && isHex(literal, i + 1) && isHex(literal, i + 2));
      if (keep) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(literal.length() + 8).append(literal, 0, i);
      }
      int end = Character.isHighSurrogate(c) && i + 1 < literal.length() ? i + 2 : i + 1;
      for (byte b : literal.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
      i = end - 1;
    }
    return out == null ? literal : out.toString();
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }

  /** Joins {@code @Path} values into a template without leading or trailing slash. */
  static String join(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part == null) {
        continue;
      }
      String trimmed = part.strip();
      while (trimmed.startsWith("/")) {
        trimmed = trimmed.substring(1);
      }
      while (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      if (!trimmed.isEmpty()) {
        if (out.length() > 0) {
          out.append('/');
        }
        out.append(trimmed);
      }
    }
    return out.toString();
  }
}
