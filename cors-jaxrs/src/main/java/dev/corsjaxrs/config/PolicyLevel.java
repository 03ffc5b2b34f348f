package dev.corsjaxrs.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The attributes one level of precedence sets (a configuration override, an annotation, a named
 * policy, the global keys); unset attributes are absent. Immutable.
 */
final class PolicyLevel {

  static final PolicyLevel EMPTY = new PolicyLevel(new EnumMap<>(PolicyKey.class));

  private final Map<PolicyKey, Setting> settings;

  PolicyLevel(Map<PolicyKey, Setting> settings) {
    this.settings = Collections.unmodifiableMap(new EnumMap<>(settings));
  }

  Setting get(PolicyKey key) {
    return settings.get(key);
  }

  /** This level, with the attributes it leaves unset taken from {@code lower}. */
  PolicyLevel over(PolicyLevel lower) {
    Map<PolicyKey, Setting> merged = new EnumMap<>(PolicyKey.class);
    merged.putAll(lower.settings);
    merged.putAll(settings);
    return new PolicyLevel(merged);
  }
}
