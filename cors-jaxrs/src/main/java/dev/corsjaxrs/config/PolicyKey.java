package dev.corsjaxrs.config;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attributes a policy level may set: their configuration key suffix ({@code cors.<key>}), their
 * {@code @CorsAllowed} attribute name (null where the annotation has none) and how a text value is
 * parsed.
 */
enum PolicyKey {
  ORIGINS("allowed-origins", "origins", Kind.LIST),
  METHODS("allowed-methods", "methods", Kind.LIST),
  ALLOWED_HEADERS("allowed-headers", "allowedHeaders", Kind.LIST),
  EXPOSED_HEADERS("exposed-headers", "exposedHeaders", Kind.LIST),
  ALLOW_CREDENTIALS("allow-credentials", "allowCredentials", Kind.BOOLEAN),
  MAX_AGE("max-age", "maxAge", Kind.LONG),
  ALLOW_PRIVATE_NETWORK("allow-private-network", "allowPrivateNetwork", Kind.BOOLEAN),
  REJECT_DISALLOWED("reject-disallowed", null, Kind.BOOLEAN),
  TRUST_FORWARDED_HEADERS("trust-forwarded-headers", null, Kind.BOOLEAN),
  POLICY(null, "policy", Kind.NAME);

  enum Kind {
    LIST,
    BOOLEAN,
    LONG,
    NAME
  }

  final String configKey;
  final String attribute;
  final Kind kind;

  PolicyKey(String configKey, String attribute, Kind kind) {
    this.configKey = configKey;
    this.attribute = attribute;
    this.kind = kind;
  }

  /**
   * Parses a text value (after expression expansion).
   *
   * @throws InvalidCorsConfigurationException naming the value and its source
   */
  Object parse(String text, String source) {
    switch (kind) {
      case LIST:
        return splitList(text);
      case BOOLEAN:
        return parseBoolean(text, source);
      case LONG:
        try {
          return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
          throw new InvalidCorsConfigurationException(
              "Invalid CORS value '" + text + "' in " + source + ": expected a whole number");
        }
      default:
        return text.strip();
    }
  }

  /** Parses {@code true} or {@code false}, in any case. */
  static Boolean parseBoolean(String text, String source) {
    String bool = text.strip().toLowerCase(Locale.ROOT);
    if (!bool.equals("true") && !bool.equals("false")) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS value '" + text + "' in " + source + ": expected true or false");
    }
    return Boolean.valueOf(bool);
  }

  /**
   * Splits a comma-separated list: blanks around items and empty items are dropped, and {@code \,}
   * stands for a comma inside an item.
   */
  static List<String> splitList(String text) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
        item.append(',');
        i++;
      } else if (c == ',') {
        addItem(items, item);
      } else {
        item.append(c);
      }
    }
    addItem(items, item);
    return items;
  }

  private static void addItem(List<String> items, StringBuilder item) {
    String value = item.toString().strip();
    if (!value.isEmpty()) {
      items.add(value);
    }
    item.setLength(0);
  }
}
