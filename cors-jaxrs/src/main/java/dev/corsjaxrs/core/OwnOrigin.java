package dev.corsjaxrs.core;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Works out a request's own origin from what the container saw and what proxies forwarded, the way
 * proxies send it: {@code Forwarded} (RFC 7239, first element) and the {@code X-Forwarded-*}
 * headers (first item of each), combined. Pure: takes header values, knows no framework.
 */
public final class OwnOrigin {

  private OwnOrigin() {}

  /**
   * The {@code host[:port]} a container saw, an IPv6 address in brackets.
   *
   * @param host the host name or address, or null
   * @param port the port, or -1 for none
   * @return {@code host:port}, or null without a host
   */
  public static String hostAndPort(String host, int port) {
    if (host == null) {
      return null;
    }
    String name = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return port < 0 ? name : name + ":" + port;
  }

  /**
   * The serialized own origin of a request: what the container saw, or, when {@code
   * trustForwarded}, what a proxy forwarded ({@code Host} standing in for the host it saw).
   *
   * @param scheme the scheme the container saw
   * @param seen the {@code host[:port]} the container saw ({@link #hostAndPort})
   * @param trustForwarded whether {@code Forwarded} and {@code X-Forwarded-*} count
   * @param header a request header's value by its lower-case name, or null
   * @return the origin, or null when it cannot be told
   */
  public static String of(
      String scheme, String seen, boolean trustForwarded, UnaryOperator<String> header) {
    if (!trustForwarded) {
      return of(scheme, seen, null, null, null, null);
    }
    String host = header.apply("host");
    return of(
        scheme,
        host == null || host.isBlank() ? seen : host.strip(),
        header.apply("forwarded"),
        header.apply("x-forwarded-proto"),
        header.apply("x-forwarded-host"),
        header.apply("x-forwarded-port"));
  }

  /**
   * The serialized own origin.
   *
   * @param scheme the scheme the container saw
   * @param host the host, with its port if any, that the container saw ({@code Host})
   * @param forwarded {@code Forwarded}, or null
   * @param forwardedProto {@code X-Forwarded-Proto}, or null
   * @param forwardedHost {@code X-Forwarded-Host}, or null
   * @param forwardedPort {@code X-Forwarded-Port}, or null
   * @return the origin, or null when it cannot be told
   */
  public static String of(
      String scheme,
      String host,
      String forwarded,
      String forwardedProto,
      String forwardedHost,
      String forwardedPort) {
    String[] protoAndHost = forwarded(forwarded, forwardedProto, forwardedHost);
    String proto = protoAndHost[0];
    String fhost = protoAndHost[1];
    String port = firstItem(forwardedPort);
    String finalScheme = proto == null ? scheme : proto;
    String authority = fhost == null ? host : fhost;
    if (finalScheme == null || authority == null) {
      return null;
    }
    if (port != null) {
      authority = withoutPort(authority) + ":" + port;
    }
    return Origin.parse(finalScheme.toLowerCase(Locale.ROOT) + "://" + authority)
        .map(Origin::toString)
        .orElse(null);
  }

  /**
   * The scheme and host a proxy forwarded: {@code Forwarded}'s first element, else the first item
   * of {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}.
   *
   * @return the scheme and the host, each null where not forwarded
   */
  static String[] forwarded(String forwarded, String forwardedProto, String forwardedHost) {
    String proto = null;
    String fhost = null;
    if (forwarded != null) {
      for (String pair : forwarded.split(",", 2)[0].split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
          String value = unquote(pair.substring(eq + 1).strip());
          if (name.equals("proto") && !value.isEmpty()) {
            proto = value;
          } else if (name.equals("host") && !value.isEmpty()) {
            fhost = value;
          }
        }
      }
    }
    if (proto == null) {
      proto = firstItem(forwardedProto);
    }
    if (fhost == null) {
      fhost = firstItem(forwardedHost);
    }
    return new String[] {proto, fhost};
  }

  /** A host with its {@code :port} removed ({@code [::1]:8080} becomes {@code [::1]}). */
  private static String withoutPort(String authority) {
    int colon = authority.lastIndexOf(':');
    int bracket = authority.lastIndexOf(']');
    return colon > bracket ? authority.substring(0, colon) : authority;
  }

  private static String firstItem(String value) {
    if (value == null) {
      return null;
    }
    String first = value.split(",", 2)[0].strip();
    return first.isEmpty() ? null : first;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
