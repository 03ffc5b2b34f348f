package dev.corsjaxrs.core;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A compiled allow-list of origins. Built once at deployment from configuration items:
 *
 * <ul>
 *   <li>exact origins {@code scheme://host[:port]} (a trailing {@code /} is ignored), kept in a
 *       hash set of their normalised serializations;
 *   <li>{@code *}: any origin but {@code null};
 *   <li>subdomain patterns {@code scheme://*.domain[:port|:*]}: any subdomain of {@code domain}, at
 *       any depth, never {@code domain} itself; kept in a hash map keyed by scheme and domain, so a
 *       lookup costs one probe per label of the request's host, whatever the number of patterns;
 *   <li>any-port patterns {@code scheme://host:*};
 *   <li>{@code null}: the opaque origin, only ever allowed by this literal item.
 * </ul>
 *
 * <p>A pattern without a port matches only the scheme's default port. No regular expression is
 * involved. Instances are immutable and thread-safe.
 */
public final class OriginMatcher {

  /** Port rule value meaning "any port". */
  private static final int ANY_PORT = -2;

  private final Set<String> exact;
  private final Set<String> anyPortHosts;
  private final Map<String, Set<Integer>> domainPorts;
  private final boolean any;
  private final boolean allowNull;
  private final List<String> items;

  private OriginMatcher(
      Set<String> exact,
      Set<String> anyPortHosts,
      Map<String, Set<Integer>> domainPorts,
      boolean any,
      boolean allowNull,
      List<String> items) {
    this.exact = exact;
    this.anyPortHosts = anyPortHosts;
    this.domainPorts = domainPorts;
    this.any = any;
    this.allowNull = allowNull;
    this.items = items;
  }

  /**
   * Compiles configuration items.
   *
   * @param items the configured origins
   * @param source where they were set, for error messages
   * @return the matcher
   * @throws InvalidCorsConfigurationException naming the first item that is not a valid origin or
   *     pattern
   */
  public static OriginMatcher compile(Collection<String> items, String source) {
    Set<String> exact = new HashSet<>();
    Set<String> anyPortHosts = new HashSet<>();
    Map<String, Set<Integer>> domainPorts = new HashMap<>();
    boolean any = false;
    boolean allowNull = false;
    for (String raw : items) {
      String item = raw.trim();
      if (item.equals("*")) {
        any = true;
      } else if (item.equals("null")) {
        allowNull = true;
      } else {
        compileItem(item, source, exact, anyPortHosts, domainPorts);
      }
    }
    return new OriginMatcher(
        Set.copyOf(exact),
        Set.copyOf(anyPortHosts),
        Map.copyOf(domainPorts),
        any,
        allowNull,
        List.copyOf(items));
  }

  private static void compileItem(
      String item,
      String source,
      Set<String> exact,
      Set<String> anyPortHosts,
      Map<String, Set<Integer>> domainPorts) {
    String value = item.endsWith("/") ? item.substring(0, item.length() - 1) : item;
    int schemeEnd = value.indexOf("://");
    if (schemeEnd <= 0 || !Origin.isScheme(value, schemeEnd)) {
      throw invalid(item, source, "it has no scheme (write scheme://host[:port])");
    }
    String scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String authority = value.substring(schemeEnd + 3);
    for (char c : new char[] {'/', '?', '#', '@'}) {
      if (authority.indexOf(c) >= 0) {
        throw invalid(
            item,
            source,
            "an origin has no path, query, fragment or user-info, only scheme://host[:port]");
      }
    }
    int portStart = Origin.portSeparator(authority);
    String host = portStart < 0 ? authority : authority.substring(0, portStart);
    String portText = portStart < 0 ? null : authority.substring(portStart + 1);
    int port;
    if (portText == null) {
      port = -1;
    } else if (portText.equals("*")) {
      port = ANY_PORT;
    } else {
      port = Origin.parsePort(portText);
      if (port < 0) {
        throw invalid(item, source, "the port must be a number from 0 to 65535, or *");
      }
      if (port == Origin.defaultPort(scheme)) {
        port = -1;
      }
    }
    boolean subdomains = host.startsWith("*.");
    String name = subdomains ? host.substring(2) : host;
    if (!Origin.isHost(name) || name.contains("*")) {
      throw invalid(
          item,
          source,
          "the host is empty or not a valid host name (a wildcard is allowed only as a leading"
              + " '*.', as in https://*.example.com)");
    }
    name = name.toLowerCase(Locale.ROOT);
    if (subdomains && PublicSuffixes.get().isPublicSuffix(name)) {
      throw invalid(
          item,
          source,
          "'"
              + name
              + "' is a public suffix (Public Suffix List "
              + PublicSuffixes.get().version()
              + "): anyone can register a name under it and call with your users' cookies. List"
              + " the origins you mean, or decide them in a dev.corsjaxrs.CorsOriginCheck");
    }
    if (subdomains) {
      domainPorts.computeIfAbsent(scheme + "://." + name, k -> new HashSet<>()).add(port);
    } else if (port == ANY_PORT) {
      anyPortHosts.add(scheme + "://" + name);
    } else {
      String serialized = scheme + "://" + name + (port < 0 ? "" : ":" + port);
      exact.add(serialized);
    }
  }

  private static InvalidCorsConfigurationException invalid(
      String item, String source, String reason) {
    return new InvalidCorsConfigurationException(
        "Invalid CORS origin '" + item + "' in " + source + ": " + reason);
  }

  /**
   * Whether a serialized origin is one of the exact items.
   *
   * @param header a serialized origin
   * @return true for an exact item
   */
  public boolean listsExactly(String header) {
    return exact.contains(header);
  }

  /**
   * Whether a parsed origin is allowed.
   *
   * @param origin the origin
   * @return true when some item allows it
   */
  public boolean allows(Origin origin) {
    if (origin.isNull()) {
      return allowNull;
    }
    if (any || exact.contains(origin.toString())) {
      return true;
    }
    String scheme = origin.scheme();
    String host = origin.host();
    if (anyPortHosts.contains(scheme + "://" + host)) {
      return true;
    }
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      Set<Integer> ports = domainPorts.get(scheme + "://" + host.substring(dot));
      if (ports != null && (ports.contains(ANY_PORT) || ports.contains(origin.port()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code *} is among the items.
   *
   * @return true when any origin but {@code null} is allowed
   */
  public boolean allowsAny() {
    return any;
  }

  /**
   * Whether no origin at all is allowed.
   *
   * @return true for an empty allow-list
   */
  public boolean isEmpty() {
    return !any && !allowNull && exact.isEmpty() && anyPortHosts.isEmpty() && domainPorts.isEmpty();
  }

  /**
   * The items as configured.
   *
   * @return the configured items
   */
  public List<String> items() {
    return items;
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
