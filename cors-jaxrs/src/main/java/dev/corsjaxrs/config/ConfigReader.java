package dev.corsjaxrs.config;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.AllowedHosts;
import dev.corsjaxrs.core.PolicyCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the CORS keys of one configuration, each value validated as it is read: a level of
 * precedence (the global keys, a named policy, a configuration override), an annotation's
 * attributes with {@code ${key}} expanded, the named policies and the deployment-wide keys. Every
 * error names the value and where it was set. Holds nothing but the configuration.
 */
final class ConfigReader {

  /** Prefix of every key. */
  static final String PREFIX = "cors.";

  /** The key that lists servlet paths, relative to the context root. */
  static final String SERVLET_PATHS = "cors.servlet.paths";

  private static final String POLICY_PREFIX = "cors.policy.";

  /**
   * What every annotation override key holds: {@code <Class>[/<method>]/CorsAllowed/<attribute>}.
   */
  static final String OVERRIDE = "/CorsAllowed/";

  static final String ALLOWED_HOSTS = "cors.allowed-hosts";
  static final String CHECK_SECONDS = "cors.origin-check.cache-seconds";

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  private final Config config;
  private final UnaryOperator<String> environment;
  private List<String> names;

  /** Errors found while the deployment-wide keys are read; null once they are all read. */
  private List<String> errors = new ArrayList<>();

  ConfigReader(Config config) {
    this(config, System::getenv);
  }

  /** A reader whose process environment is given, for tests. */
  ConfigReader(Config config, UnaryOperator<String> environment) {
    this.config = config;
    this.environment = environment;
  }

  /**
   * Runs one step of reading: while the deployment-wide keys are read, an invalid value is noted
   * and reading goes on, so that a deployment fails once naming every error ({@link #finish}).
   *
   * @return the step's result, or {@code fallback} where it failed and errors are collected
   */
  <T> T attempt(java.util.function.Supplier<T> step, T fallback) {
    if (errors == null) {
      return step.get();
    }
    try {
      return step.get();
    } catch (InvalidCorsConfigurationException e) {
      errors.add(e.getMessage());
      return fallback;
    }
  }

  /**
   * Ends the collection of errors: from now on an invalid value throws at once.
   *
   * @throws InvalidCorsConfigurationException naming every error found, where there was any
   */
  void finish() {
    List<String> found = errors;
    errors = null;
    if (found.size() == 1) {
      throw new InvalidCorsConfigurationException(found.get(0));
    }
    if (found.size() > 1) {
      StringBuilder message = new StringBuilder(found.size() + " CORS configuration errors:");
      for (int i = 0; i < found.size(); i++) {
        message.append("\n  ").append(i + 1).append(". ").append(found.get(i));
      }
      throw new InvalidCorsConfigurationException(message.toString());
    }
  }

  /** {@code cors.enabled}, true unless set to false. */
  boolean enabled() {
    return config
        .getOptionalValue("cors.enabled", String.class)
        .map(v -> PolicyKey.parseBoolean(v, "cors.enabled"))
        .orElse(Boolean.TRUE);
  }

  /**
   * Fails for a global key under {@code cors.} that this module does not read (named-policy keys
   * are checked with their policy). Where the configuration cannot list its keys, says so once.
   *
   * @throws InvalidCorsConfigurationException naming the key and the closest known one
   */
  void checkKeys() {
    boolean helidonCors = SecondLayers.visible(KnownKeys.HELIDON_CORS);
    java.util.Set<String> variables = new java.util.HashSet<>();
    for (String name : propertyNames()) {
      String variable = EnvironmentKeys.variableOf(name, environment);
      if (variable != null) {
        if (variables.add(variable)) { // listed under two spellings by some configurations
          EnvironmentKeys.check(variable);
        }
      } else if (name.contains(OVERRIDE)) {
        attempt(
            () -> {
              KnownKeys.checkOverride(name, sourceOf(name));
              return null;
            },
            null);
      } else if (name.startsWith(PREFIX) && !name.startsWith(POLICY_PREFIX)) {
        attempt(
            () -> {
              KnownKeys.checkGlobal(name, sourceOf(name), helidonCors);
              return null;
            },
            null);
      }
    }
  }

  /** The annotation overrides that turn strict mode on ({@code true} or {@code report}). */
  List<String> strictOverrides() {
    List<String> keys = new ArrayList<>();
    for (String name : propertyNames()) {
      if (name.endsWith(OVERRIDE + "rejectDisallowed")
          && !config
              .getOptionalValue(name, String.class)
              .orElse("false")
              .strip()
              .equalsIgnoreCase("false")) {
        keys.add(name);
      }
    }
    return keys;
  }

  /**
   * Every key the configuration lists; none, said once at INFO, where it cannot list them: then
   * misspellings go unchecked and named policies unseen.
   */
  private List<String> propertyNames() {
    if (names == null) {
      try {
        List<String> listed = new ArrayList<>(); // SmallRye's names can be iterated once
        config.getPropertyNames().forEach(listed::add);
        names = listed;
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.INFO,
            "CORS keys are not checked for misspellings, and named policies cannot be found: the"
                + " configuration cannot list its keys ({0})",
            e.toString());
        names = List.of();
      }
    }
    return names;
  }

  /** The name of the configuration source that set a key, or null where it cannot be told. */
  private String sourceOf(String name) {
    try {
      return config.getConfigValue(name).getSourceName();
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** {@code cors.origin-check.cache-seconds}: a whole number of seconds, 0 or more. */
  long checkAnswerSeconds() {
    Optional<String> text = config.getOptionalValue(CHECK_SECONDS, String.class);
    if (text.isEmpty()) {
      return PolicyCatalog.CHECK_ANSWER_SECONDS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(text.get().strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS value '"
              + text.get()
              + "' in "
              + CHECK_SECONDS
              + ": expected a whole number of seconds, 0 or more (0 asks the check on every"
              + " request)");
    }
    return seconds;
  }

  /** {@code cors.allowed-hosts}: the hosts the application answers to. */
  AllowedHosts allowedHosts() {
    return AllowedHosts.compile(
        config
            .getOptionalValue(ALLOWED_HOSTS, String.class)
            .map(PolicyKey::splitList)
            .orElse(List.of()),
        ALLOWED_HOSTS);
  }

  /** The items of {@code cors.servlet.paths}, normalised; empty where unset. */
  List<String> servletPaths() {
    return paths(SERVLET_PATHS);
  }

  /**
   * Reads the keys {@code prefix + <key>}: the global and named policy keys when the prefix ends
   * with a dot, the annotation attribute names of configuration overrides otherwise.
   */
  PolicyLevel level(String prefix) {
    boolean overrides = !prefix.endsWith(".");
    PolicyLevel.Builder level = new PolicyLevel.Builder();
    for (PolicyKey<?> key : PolicyKey.ALL) {
      String suffix = overrides ? key.attribute : key.configKey;
      if (suffix != null) {
        String name = prefix + suffix;
        Optional<String> value = config.getOptionalValue(name, String.class);
        if (value.isPresent()) {
          put(level, key, value.get(), overrides ? "config key " + name : name);
        }
      }
    }
    return level.build();
  }

  /**
   * Reads an annotation's set attributes, expanding {@code ${key}} and {@code ${key:default}}.
   *
   * @param place {@code Class} or {@code Class#method}, for messages
   */
  PolicyLevel annotation(CorsAllowed annotation, String place) {
    if (annotation == null) {
      return PolicyLevel.EMPTY;
    }
    PolicyLevel.Builder level = new PolicyLevel.Builder();
    for (PolicyKey<?> key : PolicyKey.ALL) {
      String text = key.annotationText(annotation);
      if (!text.isEmpty()) {
        String source = "@CorsAllowed(" + key.attribute + ") on " + place;
        String expanded = expand(text, source);
        if (key.list || !expanded.isBlank()) {
          put(level, key, expanded, source);
        }
      }
    }
    return level.build();
  }

  private <T> void put(PolicyLevel.Builder level, PolicyKey<T> key, String text, String source) {
    Setting<T> value = attempt(() -> key.parse(text, source), null);
    if (value != null) {
      level.set(key, value);
    }
  }

  /**
   * Every {@code cors.policy.<name>.*}, by name.
   *
   * @param trustForwardedHeaders the deployment's trust, which a named policy may only repeat
   */
  Map<String, NamedPolicy> namedPolicies(boolean trustForwardedHeaders) {
    Map<String, List<String>> keysByPolicy = new TreeMap<>();
    for (String name : propertyNames()) {
      String variable = EnvironmentKeys.variableOf(name, environment);
      if (variable != null) {
        String[] policyAndKey = EnvironmentKeys.namedPolicyKey(variable);
        if (policyAndKey != null) {
          List<String> keys = keysByPolicy.computeIfAbsent(policyAndKey[0], k -> new ArrayList<>());
          if (!keys.contains(policyAndKey[1])) {
            keys.add(policyAndKey[1]);
          }
        }
        continue;
      }
      if (!name.startsWith(POLICY_PREFIX)) {
        continue;
      }
      String rest = name.substring(POLICY_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0) {
        attempt(
            () -> {
              throw new InvalidCorsConfigurationException(
                  "Invalid CORS key '" + name + "': write cors.policy.<name>.<key>");
            },
            null);
        continue;
      }
      List<String> keys =
          keysByPolicy.computeIfAbsent(rest.substring(0, dot), k -> new ArrayList<>());
      if (!keys.contains(rest.substring(dot + 1))) {
        keys.add(rest.substring(dot + 1));
      }
    }
    Map<String, NamedPolicy> policies = new TreeMap<>();
    keysByPolicy.forEach(
        (policyName, keys) -> {
          String prefix = POLICY_PREFIX + policyName + ".";
          keys.forEach(
              key ->
                  attempt(
                      () -> {
                        KnownKeys.checkNamed(prefix, key, sourceOf(prefix + key));
                        return null;
                      },
                      null));
          PolicyLevel level = level(prefix);
          Setting<Boolean> trust = level.get(PolicyKey.TRUST_FORWARDED_HEADERS);
          if (trust != null && trust.value() != trustForwardedHeaders) {
            errorAt(
                "Invalid CORS value '"
                    + trust.value()
                    + "' in "
                    + trust.source()
                    + ": trust in forwarded headers applies to the whole deployment (a proxy is"
                    + " in front of all of it or of none); set cors.trust-forwarded-headers="
                    + trust.value()
                    + " instead");
          }
          policies.put(policyName, new NamedPolicy(policyName, level, paths(prefix + "paths")));
        });
    return policies;
  }

  /** A list of paths, each normalised. */
  private List<String> paths(String key) {
    List<String> paths = new ArrayList<>();
    for (String item :
        config.getOptionalValue(key, String.class).map(PolicyKey::splitList).orElse(List.of())) {
      String path = attempt(() -> normalisePath(item, key), null);
      if (path != null) {
        paths.add(path);
      }
    }
    return List.copyOf(paths);
  }

  /**
   * A path item of configuration: {@code /public/*} becomes {@code public/*}, {@code /items/}
   * becomes {@code items}.
   *
   * @throws InvalidCorsConfigurationException for an item that is neither an exact path nor one
   *     ending in {@code /*}
   */
  static String normalisePath(String item, String key) {
    String path = item.strip();
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (path.endsWith("/") && !path.isEmpty()) {
      path = path.substring(0, path.length() - 1);
    }
    int star = path.indexOf('*');
    boolean trailingWildcard = path.equals("*") || path.endsWith("/*");
    if ((star >= 0 && (!trailingWildcard || star != path.length() - 1))
        || path.contains("?")
        || path.contains("//")) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS path '"
              + item
              + "' in "
              + key
              + ": write an exact path (/items) or a path ending in /* (/public/*)");
    }
    return path;
  }

  /** Expands {@code ${key}} and {@code ${key:default}} from the configuration. */
  String expand(String value, String source) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int start = value.indexOf("${"); start >= 0; start = value.indexOf("${", from)) {
      int end = value.indexOf('}', start);
      if (end < 0) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS value '" + value + "' in " + source + ": '${' without a closing '}'");
      }
      String expression = value.substring(start + 2, end);
      int colon = expression.indexOf(':');
      String key = colon < 0 ? expression : expression.substring(0, colon);
      String fallback = colon < 0 ? null : expression.substring(colon + 1);
      String resolved = config.getOptionalValue(key.strip(), String.class).orElse(fallback);
      if (resolved == null) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS value '"
                + value
                + "' in "
                + source
                + ": the configuration has no key '"
                + key
                + "' and the expression gives no default (${"
                + key
                + ":default})");
      }
      out.append(value, from, start).append(resolved);
      from = end + 1;
    }
    return out.append(value.substring(from)).toString();
  }

  /** Notes (or, once reading is done, throws) an error. */
  private void errorAt(String message) {
    attempt(
        () -> {
          throw new InvalidCorsConfigurationException(message);
        },
        null);
  }
}
