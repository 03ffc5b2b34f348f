package dev.corsjaxrs.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a request says of itself: its scheme, its host (every item of a forwarded list) and port,
 * and so its own serialized origin. The one reading of {@code Forwarded} (RFC 7239) and {@code
 * X-Forwarded-Proto/-Host/-Port}, trusted only where the deployment says so: the host check of
 * {@code cors.allowed-hosts} and the own origin of strict mode read the same values. Several lines
 * of a header count as one list. Pure: takes header values, knows no framework.
 */
public final class OwnOrigin {

  private final String scheme;
  private final List<String> hosts;
  private final String port;
  private final String seen;
  private final boolean trusted;

  private OwnOrigin(String scheme, List<String> hosts, String port, String seen, boolean trusted) {
    this.scheme = scheme;
    this.hosts = hosts;
    this.port = port;
    this.seen = seen;
    this.trusted = trusted;
  }

  /**
   * Reads a request.
   *
   * @param scheme the scheme the container saw
   * @param seen the {@code host[:port]} the container saw ({@link #hostAndPort})
   * @param trustForwarded whether {@code Forwarded} and {@code X-Forwarded-*} count
   * @param lines a request header's lines by its lower-case name, or null (or empty) without any
   * @return the reading
   */
  public static OwnOrigin read(
      String scheme, String seen, boolean trustForwarded, Function<String, List<String>> lines) {
    List<String> hostLines = lines.apply("host");
    hostLines = hostLines == null || hostLines.size() != 1 ? List.of() : hostLines;
    if (!trustForwarded) {
      return new OwnOrigin(scheme, hostLines, null, seen, false);
    }
    String forwarded = joined(lines.apply("forwarded"));
    String proto = null;
    List<String> hosts = new ArrayList<>();
    if (forwarded != null) {
      boolean first = true;
      for (String element : forwarded.split(",")) {
        String[] protoAndHost = element(element);
        if (first && protoAndHost[0] != null) {
          proto = protoAndHost[0];
        }
        if (protoAndHost[1] != null) {
          hosts.add(protoAndHost[1]);
        }
        first = false;
      }
    }
    if (proto == null) {
      proto = firstItem(joined(lines.apply("x-forwarded-proto")));
    }
    if (hosts.isEmpty()) {
      hosts = items(joined(lines.apply("x-forwarded-host")));
    }
    if (hosts.isEmpty() && !hostLines.isEmpty() && !hostLines.get(0).isBlank()) {
      hosts = List.of(hostLines.get(0).strip());
    }
    return new OwnOrigin(
        proto == null ? scheme : proto,
        hosts,
        firstItem(joined(lines.apply("x-forwarded-port"))),
        seen,
        true);
  }

  /**
   * The request's scheme: forwarded where trusted, else the container's.
   *
   * @return the scheme, or null
   */
  public String scheme() {
    return scheme;
  }

  /**
   * The hosts the request names: every item of a trusted forwarded host list, else its one {@code
   * Host} line, each {@code host[:port]} as sent.
   *
   * @return the items, empty without any (or with several {@code Host} lines)
   */
  public List<String> hosts() {
    return hosts;
  }

  /**
   * The forwarded port, which replaces the port of each host.
   *
   * @return {@code X-Forwarded-Port}'s first item where trusted, else null
   */
  public String port() {
    return port;
  }

  /**
   * The serialized own origin: the scheme, the first host (where forwarded headers are not trusted,
   * the host and port the container saw) and the forwarded port.
   *
   * @return the origin, or null when it cannot be told
   */
  public String origin() {
    if (!trusted) {
      return serialize(scheme, seen, null);
    }
    return serialize(scheme, hosts.isEmpty() ? seen : hosts.get(0), port);
  }

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
   * The serialized own origin of a request behind a trusted proxy, from one value of each header.
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
    Map<String, String> values = new HashMap<>();
    values.put("host", host);
    values.put("forwarded", forwarded);
    values.put("x-forwarded-proto", forwardedProto);
    values.put("x-forwarded-host", forwardedHost);
    values.put("x-forwarded-port", forwardedPort);
    return read(
            scheme, host, true, name -> values.get(name) == null ? null : List.of(values.get(name)))
        .origin();
  }

  private static String serialize(String scheme, String authority, String port) {
    if (scheme == null || authority == null) {
      return null;
    }
    String withPort = port == null ? authority : withoutPort(authority) + ":" + port;
    return Origin.parse(scheme.toLowerCase(Locale.ROOT) + "://" + withPort)
        .map(Origin::toString)
        .orElse(null);
  }

  /** The proto and the host of one {@code Forwarded} element, each null where absent. */
  private static String[] element(String element) {
    String proto = null;
    String host = null;
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = unquote(pair.substring(eq + 1).strip());
        if (name.equals("proto") && !value.isEmpty()) {
          proto = value;
        } else if (name.equals("host") && !value.isEmpty()) {
          host = value;
        }
      }
    }
    return new String[] {proto, host};
  }

  /** A host with its {@code :port} removed ({@code [::1]:8080} becomes {@code [::1]}). */
  static String withoutPort(String authority) {
    int colon = authority.lastIndexOf(':');
    int bracket = authority.lastIndexOf(']');
    return colon > bracket ? authority.substring(0, colon) : authority;
  }

  private static String joined(List<String> lines) {
    return lines == null || lines.isEmpty() ? null : String.join(",", lines);
  }

  private static List<String> items(String value) {
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return items;
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
