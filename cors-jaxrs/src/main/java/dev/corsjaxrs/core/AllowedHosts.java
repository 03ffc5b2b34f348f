package dev.corsjaxrs.core;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host names an application answers to ({@code cors.allowed-hosts}), against DNS rebinding:
 * each item {@code host} (any port) or {@code host:port}, {@code *.example.com} for any subdomain
 * at any depth, literal addresses ({@code 127.0.0.1}, {@code [::1]}). Names compare
 * case-insensitively and nothing else is normalised. Empty: any host.
 */
public final class AllowedHosts {

  /** Any host: the default. */
  public static final AllowedHosts ANY = new AllowedHosts(List.of(), Map.of(), List.of());

  private static final int ANY_PORT = -2;

  private final List<String> items;
  private final Map<String, List<Integer>> exact;
  private final List<Wildcard> wildcards;

  private record Wildcard(String suffix, int port) {}

  private AllowedHosts(
      List<String> items, Map<String, List<Integer>> exact, List<Wildcard> wildcards) {
    this.items = items;
    this.exact = exact;
    this.wildcards = wildcards;
  }

  /**
   * Compiles a list.
   *
   * @param items the configured items
   * @param source where they were set, for messages
   * @return the hosts, {@link #ANY} for an empty list
   * @throws InvalidCorsConfigurationException naming the first item that is not a host, an address
   *     or such a pattern
   */
  public static AllowedHosts compile(List<String> items, String source) {
    if (items.isEmpty()) {
      return ANY;
    }
    Map<String, List<Integer>> exact = new HashMap<>();
    List<Wildcard> wildcards = new ArrayList<>();
    for (String item : items) {
      String text = item.strip();
      boolean wildcard = text.startsWith("*.");
      HostPort parsed = HostPort.parse(wildcard ? text.substring(2) : text, ANY_PORT);
      if (parsed == null || (wildcard && parsed.host.startsWith("["))) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS host '"
                + item
                + "' in "
                + source
                + ": write a host name or address, with :port to allow only that port"
                + " (api.example.com, 127.0.0.1:8080, [::1]), or *.example.com for its"
                + " subdomains");
      }
      if (wildcard) {
        wildcards.add(new Wildcard("." + parsed.host, parsed.port));
      } else {
        exact.computeIfAbsent(parsed.host, h -> new ArrayList<>()).add(parsed.port);
      }
    }
    return new AllowedHosts(List.copyOf(items), Map.copyOf(exact), List.copyOf(wildcards));
  }

  /**
   * Whether no list is set: every host is answered.
   *
   * @return true for {@link #ANY}
   */
  public boolean allowsAny() {
    return exact.isEmpty() && wildcards.isEmpty();
  }

  /**
   * Whether a request's host is allowed.
   *
   * @param hostLines every {@code Host} line the request carries
   * @param scheme the request's scheme, for the default port of a {@code Host} without one
   * @return false for a host matching no item, a missing or malformed {@code Host}, or two lines
   */
  public boolean allows(List<String> hostLines, String scheme) {
    return allows(OwnOrigin.read(scheme, null, false, name -> hostLines));
  }

  /**
   * Whether the hosts a request names are allowed: each item of a forwarded list, with the
   * forwarded port where there is one, else the port in the item, else the scheme's default.
   *
   * @param request what the request says of itself
   * @return false where any host matches no item, or none is named or one is malformed
   */
  public boolean allows(OwnOrigin request) {
    if (allowsAny()) {
      return true;
    }
    List<String> hosts = request.hosts();
    if (hosts.isEmpty()) {
      return false;
    }
    String scheme = request.scheme();
    int portIfNone = Origin.defaultPort(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT));
    for (String item : hosts) {
      String host =
          request.port() == null ? item : OwnOrigin.withoutPort(item) + ":" + request.port();
      HostPort seen = HostPort.parse(host.strip(), portIfNone);
      if (seen == null || !allows(seen)) {
        return false;
      }
    }
    return true;
  }

  private boolean allows(HostPort seen) {
    List<Integer> ports = exact.get(seen.host);
    if (ports != null && (ports.contains(ANY_PORT) || ports.contains(seen.port))) {
      return true;
    }
    for (Wildcard wildcard : wildcards) {
      // the suffix starts with a dot, which no host does: a match is a subdomain
      if (seen.host.endsWith(wildcard.suffix())
          && (wildcard.port() == ANY_PORT || wildcard.port() == seen.port)) {
        return true;
      }
    }
    return false;
  }

  /** A host, lower case, and its port. */
  private static final class HostPort {
    final String host;
    final int port;

    private HostPort(String host, int port) {
      this.host = host;
      this.port = port;
    }

    /** {@code host[:port]}; null where the host or the port is malformed. */
    static HostPort parse(String text, int portIfNone) {
      int colon = Origin.portSeparator(text);
      String host = colon < 0 ? text : text.substring(0, colon);
      int port = colon < 0 ? portIfNone : Origin.parsePort(text.substring(colon + 1));
      boolean valid = Origin.isHost(host) && (colon < 0 || port >= 0);
      return valid ? new HostPort(host.toLowerCase(Locale.ROOT), port) : null;
    }
  }

  /** The list as configured, for the deployment log. */
  @Override
  public String toString() {
    return items.toString();
  }
}
