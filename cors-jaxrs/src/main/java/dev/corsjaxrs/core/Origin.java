package dev.corsjaxrs.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A serialized web origin, {@code scheme://host[:port]} or the opaque {@code null}, normalised as
 * the Fetch standard serializes it: scheme and host lower-case, the scheme's default port (80 for
 * http, 443 for https) dropped. Instances are immutable; {@link #toString()} is the serialization a
 * browser compares {@code Access-Control-Allow-Origin} with.
 */
public final class Origin {

  /** Longest {@code Origin} value accepted; a host name has at most 253 characters. */
  public static final int MAX_LENGTH = 300;

  /** The opaque origin, serialized as {@code null}. */
  public static final Origin NULL = new Origin("null", "", -1);

  private final String scheme;
  private final String host;
  private final int port;
  private final String serialized;

  private Origin(String scheme, String host, int port) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.serialized =
        this.host.isEmpty() ? scheme : scheme + "://" + host + (port < 0 ? "" : ":" + port);
  }

  /**
   * Parses an {@code Origin} request header value. Never throws: anything that is not a serialized
   * origin (a path, a query, user-info, an empty host, a bad port, control or non-ASCII characters,
   * more than {@link #MAX_LENGTH} characters) gives an empty result.
   *
   * @param value the header value, may be null
   * @return the normalised origin, or empty when the value is not an origin
   */
  public static Optional<Origin> parse(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (value.equals("null")) {
      return Optional.of(NULL);
    }
    int schemeEnd = value.indexOf("://");
    if (schemeEnd <= 0 || !isScheme(value, schemeEnd)) {
      return Optional.empty();
    }
    String scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String authority = value.substring(schemeEnd + 3);
    int portStart = portSeparator(authority);
    String host = portStart < 0 ? authority : authority.substring(0, portStart);
    if (!isHost(host)) {
      return Optional.empty();
    }
    int port = -1;
    if (portStart >= 0) {
      port = parsePort(authority.substring(portStart + 1));
      if (port < 0) {
        return Optional.empty();
      }
      if (port == defaultPort(scheme)) {
        port = -1;
      }
    }
    return Optional.of(new Origin(scheme, host.toLowerCase(Locale.ROOT), port));
  }

  /**
   * The default port of a scheme: 80 for http and ws, 443 for https and wss, else -1.
   *
   * @param scheme a lower-case scheme
   * @return its default port, or -1 where it has none
   */
  public static int defaultPort(String scheme) {
    switch (scheme) {
      case "http":
      case "ws":
        return 80;
      case "https":
      case "wss":
        return 443;
      default:
        return -1;
    }
  }

  /** Index of the ':' that starts a port, or -1; IPv6 literals keep their colons. */
  static int portSeparator(String authority) {
    int searchFrom = 0;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return -1;
      }
      searchFrom = close;
    }
    return authority.indexOf(':', searchFrom);
  }

  /**
   * Parses a port of 1 to 5 digits in 0..65535.
   *
   * @return the port, or -1 when invalid
   */
  static int parsePort(String digits) {
    if (digits.isEmpty() || digits.length() > 5) {
      return -1;
    }
    int port = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535 ? port : -1;
  }

  static boolean isScheme(String value, int end) {
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) {
        return false;
      }
    }
    return true;
  }

  /** A registered name of ASCII letters, digits, '-', '_', '.', with no empty label, or [IPv6]. */
  static boolean isHost(String host) {
    if (host.isEmpty()) {
      return false;
    }
    if (host.charAt(0) == '[') {
      if (host.length() < 4 || host.charAt(host.length() - 1) != ']') {
        return false;
      }
      for (int i = 1; i < host.length() - 1; i++) {
        char c = host.charAt(i);
        boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!(hex || c == ':' || c == '.')) {
          return false;
        }
      }
      return true;
    }
    char previous = '.';
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!(alnum || c == '-' || c == '_' || c == '.') || (c == '.' && previous == '.')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /**
   * The scheme, lower-case; {@code null} for the opaque origin.
   *
   * @return the scheme
   */
  public String scheme() {
    return scheme;
  }

  /**
   * The host, lower-case; empty for the opaque origin.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * The port, or -1 where it is the scheme's default or absent.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Whether this is the opaque origin {@code null}.
   *
   * @return true for {@code null}
   */
  public boolean isNull() {
    return this == NULL;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Origin && ((Origin) other).serialized.equals(serialized);
  }

  @Override
  public int hashCode() {
    return serialized.hashCode();
  }

  /** The serialization, as a browser sends it in {@code Origin}. */
  @Override
  public String toString() {
    return serialized;
  }
}
