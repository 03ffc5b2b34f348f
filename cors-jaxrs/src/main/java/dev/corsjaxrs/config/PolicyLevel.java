package dev.corsjaxrs.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The attributes one level of precedence sets (a configuration override, an annotation, a named
 * policy, the global keys); unset attributes are absent. Immutable.
 */
final class PolicyLevel {

  static final PolicyLevel EMPTY = new PolicyLevel(Map.of());

  private final Map<PolicyKey<?>, Setting<?>> settings;

  private PolicyLevel(Map<PolicyKey<?>, Setting<?>> settings) {
    this.settings = Map.copyOf(settings);
  }

  /** Collects the settings of one level. */
  static final class Builder {
    private final Map<PolicyKey<?>, Setting<?>> settings = new HashMap<>();

    <T> void set(PolicyKey<T> key, Setting<T> setting) {
      settings.put(key, setting);
    }

    PolicyLevel build() {
      return settings.isEmpty() ? EMPTY : new PolicyLevel(settings);
    }
  }

  /** The setting of a key, or null where this level leaves it unset. */
  @SuppressWarnings("unchecked") // Builder.set pairs every key with a setting of its own type
  <T> Setting<T> get(PolicyKey<T> key) {
    return (Setting<T>) settings.get(key);
  }

  /** Whether this level sets nothing. */
  boolean isEmpty() {
    return settings.isEmpty();
  }

  /** This level, with the attributes it leaves unset taken from {@code lower}. */
  PolicyLevel over(PolicyLevel lower) {
    if (settings.isEmpty()) {
      return lower;
    }
    if (lower.settings.isEmpty()) {
      return this;
    }
    Map<PolicyKey<?>, Setting<?>> merged = new HashMap<>(lower.settings);
    merged.putAll(settings);
    return new PolicyLevel(merged);
  }
}
