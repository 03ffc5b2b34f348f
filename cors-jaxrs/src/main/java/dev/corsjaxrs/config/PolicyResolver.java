package dev.corsjaxrs.config;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsDisabled;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.PolicyBuilder;
import dev.corsjaxrs.core.PolicyCatalog;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the CORS configuration from MicroProfile Config and resolves the effective {@link
 * CorsPolicy} of each resource method, attribute by attribute, in the order of precedence:
 *
 * <ol>
 *   <li>method override in config ({@code <Class>/<method>/CorsAllowed/<attribute>}),
 *   <li>method annotation,
 *   <li>class override in config ({@code <Class>/CorsAllowed/<attribute>}),
 *   <li>class annotation,
 *   <li>the named policy the annotation names, or else the one whose {@code paths} match,
 *   <li>global {@code cors.*},
 *   <li>built-in defaults.
 * </ol>
 *
 * <p>Every value is validated when it is read; an invalid one throws {@link
 * InvalidCorsConfigurationException} naming the value and where it was set. Every policy is built
 * in one {@link PolicyCatalog}: equal policies are one object, and an origin list is compiled once.
 */
public final class PolicyResolver {

  /** Prefix of every key. */
  static final String PREFIX = "cors.";

  private static final String POLICY_PREFIX = "cors.policy.";
  private static final Setting<List<String>> UNKNOWN_METHODS =
      new Setting<>(List.of("GET", "HEAD", "POST"), "built-in default");

  private final Config config;
  private final boolean enabled;
  private final PolicyCatalog catalog;
  private final OriginChecks originChecks = new OriginChecks();
  private final PolicyLevel global;
  private final boolean trustForwardedHeaders;
  private final Map<String, NamedPolicy> named;
  private final NamedPolicies namedPaths;
  private final Map<String, CorsPolicy> pathPolicies = new LinkedHashMap<>();
  private final CorsPolicy globalPolicy;
  private final Map<String, CorsPolicy> unseenPaths = new ConcurrentHashMap<>();

  /**
   * Reads and validates the global keys and every named policy.
   *
   * @param config the application's configuration
   * @throws InvalidCorsConfigurationException for the first invalid value
   */
  public PolicyResolver(Config config) {
    this.config = config;
    this.enabled =
        config
            .getOptionalValue("cors.enabled", String.class)
            .map(v -> PolicyKey.parseBoolean(v, "cors.enabled"))
            .orElse(Boolean.TRUE);
    this.catalog = new PolicyCatalog(PolicyCatalog.CACHED_ANSWERS, readCheckAnswerSeconds(config));
    this.global = readLevel(PREFIX);
    Setting<Boolean> trust = global.get(PolicyKey.TRUST_FORWARDED_HEADERS);
    this.trustForwardedHeaders = trust != null && trust.value();
    this.named = readNamedPolicies();
    this.namedPaths = new NamedPolicies(named.values());
    this.globalPolicy = build(global, UNKNOWN_METHODS);
    for (NamedPolicy policy : named.values()) {
      pathPolicies.put(policy.name(), build(policy.level().over(global), UNKNOWN_METHODS));
    }
  }

  /**
   * Whether {@code cors.enabled} is true (the default).
   *
   * @return false when the module is turned off
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Whether {@code Forwarded} and {@code X-Forwarded-*} count for a request's own origin: {@code
   * cors.trust-forwarded-headers}, for the whole deployment (a proxy is in front of all of it or of
   * none).
   *
   * @return true behind a trusted proxy
   */
  public boolean trustForwardedHeaders() {
    return trustForwardedHeaders;
  }

  /**
   * The catalog every policy of this configuration is built in.
   *
   * @return the catalog
   */
  public PolicyCatalog catalog() {
    return catalog;
  }

  /**
   * The policy of a request that no resource method serves: the named policy whose {@code paths}
   * cover the path, else the global one; methods default to GET, HEAD and POST. One probe per path
   * segment.
   *
   * @param path the request path relative to the application base, without leading slash
   * @return the policy
   */
  public CorsPolicy forPath(String path) {
    NamedPolicy policy = namedPaths.covering(path);
    return policy == null ? globalPolicy : pathPolicies.get(policy.name());
  }

  /**
   * The policies of requests that no resource method serves: the global one and one per named
   * policy.
   *
   * @return every such policy
   */
  public List<CorsPolicy> pathPolicies() {
    List<CorsPolicy> all = new ArrayList<>(pathPolicies.values());
    all.add(globalPolicy);
    return all;
  }

  /**
   * The effective policy of a resource method of a root resource class.
   *
   * @param resourceClass the resource class
   * @param method the resource method (or sub-resource locator)
   * @param template the method's full {@code @Path} template, without leading slash
   * @param implementedMethods the HTTP methods implemented on that path, or null where unknown
   * @return the policy
   * @throws InvalidCorsConfigurationException for an invalid attribute or combination
   */
  public CorsPolicy forResource(
      Class<?> resourceClass, Method method, String template, List<String> implementedMethods) {
    return forResource(
        List.of(new ResourceHop(resourceClass, method)), template, implementedMethods);
  }

  /**
   * The effective policy of a resource method reached through sub-resource locators: each hop's
   * method (override, annotation) and class (override, annotation) in turn, the innermost first,
   * then the named policy and the global keys. {@code @CorsDisabled} on any hop disables it.
   *
   * @param hops the resource method and its class first, then each locator and its class outwards
   * @param template the full {@code @Path} template from the root, without leading slash
   * @param implementedMethods the HTTP methods implemented on that path, or null where unknown
   * @return the policy
   * @throws InvalidCorsConfigurationException for an invalid attribute or combination
   */
  public CorsPolicy forResource(
      List<ResourceHop> hops, String template, List<String> implementedMethods) {
    for (ResourceHop hop : hops) {
      if (hop.method() != null && hop.method().isAnnotationPresent(CorsDisabled.class)) {
        return disabled("@CorsDisabled on " + hop.place(), template);
      }
      if (hop.type().isAnnotationPresent(CorsDisabled.class)) {
        return disabled("@CorsDisabled on " + hop.type().getName(), template);
      }
    }
    PolicyLevel specific = PolicyLevel.EMPTY;
    for (int i = hops.size() - 1; i >= 0; i--) {
      ResourceHop hop = hops.get(i);
      String className = hop.type().getName();
      PolicyLevel classLevel =
          readLevel(className + "/CorsAllowed/")
              .over(annotationLevel(hop.type().getAnnotation(CorsAllowed.class), className));
      if (hop.method() != null) {
        classLevel =
            readLevel(className + "/" + hop.method().getName() + "/CorsAllowed/")
                .over(annotationLevel(hop.method().getAnnotation(CorsAllowed.class), hop.place()))
                .over(classLevel);
      }
      specific = classLevel.over(specific);
    }
    NamedPolicy base;
    Setting<String> policyName = specific.get(PolicyKey.POLICY);
    if (policyName != null) {
      base = named.get(policyName.value());
      if (base == null) {
        throw new InvalidCorsConfigurationException(
            "Unknown CORS policy '"
                + policyName.value()
                + "' in "
                + policyName.source()
                + ": configured policies are "
                + named.keySet()
                + " (cors.policy.<name>.*)");
      }
    } else {
      base = namedPaths.covering(template);
    }
    PolicyLevel merged = specific.over(base == null ? global : base.level().over(global));
    Setting<List<String>> methods =
        implementedMethods == null
            ? UNKNOWN_METHODS
            : new Setting<>(implementedMethods, "methods implemented by /" + template);
    return build(merged, methods);
  }

  /**
   * The policy of paths below a sub-resource locator whose class is only known when the locator
   * runs: like {@code @CorsDisabled} (preflights refused, no headers; in strict mode cross-origin
   * requests refused before matching), since the resource method that will serve them cannot be
   * known before the request. After matching, the method's own policy applies.
   *
   * @param locator the locator, its class, and the hops outwards
   * @param template the locator's full template
   * @return the policy
   */
  public CorsPolicy forUnknownSubResources(List<ResourceHop> locator, String template) {
    return disabled(
        "sub-resources of "
            + locator.get(0).place()
            + ", whose class is only known when the locator runs (declare its return type)",
        template);
  }

  /**
   * The policy of a request whose resource method cannot be told before matching, or was matched
   * where no annotation names it: like {@code @CorsDisabled} (preflights refused, no headers; in
   * strict mode cross-origin requests refused), never a wider policy. One per named policy.
   *
   * @param path the request path relative to the application base, without leading slash
   * @param place the method the runtime was seen serving elsewhere, for the refusal sentence
   * @return the policy
   */
  public CorsPolicy forUnseenPath(String path, String place) {
    NamedPolicy covering = namedPaths.covering(path);
    return unseenPaths.computeIfAbsent(
        covering == null ? "" : covering.name(),
        name ->
            disabled(
                "a path whose resource method is only known once matched (the runtime serves "
                    + place
                    + " at a path its @Path does not name)",
                path));
  }

  /**
   * A {@code @CorsDisabled} place, strict where the covering named policy or the global keys say
   * so: strict mode refuses cross-origin requests there too.
   */
  private CorsPolicy disabled(String source, String template) {
    NamedPolicy covering = namedPaths.covering(template);
    PolicyLevel inherited = covering == null ? global : covering.level().over(global);
    PolicyBuilder builder = catalog.builder().disabled(source);
    PolicyKey.REJECT_DISALLOWED.applyTo(builder, inherited);
    return builder.build();
  }

  private CorsPolicy build(PolicyLevel level, Setting<List<String>> defaultMethods) {
    PolicyBuilder builder = catalog.builder();
    Setting<List<String>> methods = level.get(PolicyKey.METHODS);
    if (methods == null) {
      methods = defaultMethods;
    }
    builder.methods(methods.value(), methods.source());
    for (PolicyKey<?> key : PolicyKey.ALL) {
      if (key != PolicyKey.METHODS) {
        key.applyTo(builder, level);
      }
    }
    Setting<String> check = level.get(PolicyKey.ORIGIN_CHECK);
    if (check != null && !check.value().isEmpty()) {
      builder.originCheck(
          originChecks.instance(check.value(), check.source()), check.value(), check.source());
    }
    return builder.build();
  }

  /** {@code cors.origin-check.cache-seconds}: a whole number of seconds, 0 or more. */
  private static long readCheckAnswerSeconds(Config config) {
    String key = "cors.origin-check.cache-seconds";
    Optional<String> text = config.getOptionalValue(key, String.class);
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
              + key
              + ": expected a whole number of seconds, 0 or more (0 asks the check on every"
              + " request)");
    }
    return seconds;
  }

  /**
   * Reads the keys {@code prefix + <key>}: the global and named policy keys when the prefix ends
   * with a dot, the annotation attribute names of configuration overrides otherwise.
   */
  private PolicyLevel readLevel(String prefix) {
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

  private static <T> void put(
      PolicyLevel.Builder level, PolicyKey<T> key, String text, String source) {
    level.set(key, key.parse(text, source));
  }

  private Map<String, NamedPolicy> readNamedPolicies() {
    Map<String, List<String>> keysByPolicy = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      if (!name.startsWith(POLICY_PREFIX)) {
        continue;
      }
      String rest = name.substring(POLICY_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS key '" + name + "': write cors.policy.<name>.<key>");
      }
      keysByPolicy
          .computeIfAbsent(rest.substring(0, dot), k -> new ArrayList<>())
          .add(rest.substring(dot + 1));
    }
    Map<String, NamedPolicy> policies = new TreeMap<>();
    for (Map.Entry<String, List<String>> entry : keysByPolicy.entrySet()) {
      String policyName = entry.getKey();
      String prefix = POLICY_PREFIX + policyName + ".";
      for (String key : entry.getValue()) {
        if (!key.equals("paths") && !isPolicyKey(key)) {
          throw new InvalidCorsConfigurationException(
              "Unknown CORS key '"
                  + prefix
                  + key
                  + "': a named policy takes paths, allowed-origins, allowed-methods,"
                  + " allowed-headers, exposed-headers, allow-credentials, max-age,"
                  + " allow-private-network, reject-disallowed, origin-check and"
                  + " trust-forwarded-headers");
        }
      }
      List<String> paths = new ArrayList<>();
      String pathsKey = prefix + "paths";
      for (String item :
          config
              .getOptionalValue(pathsKey, String.class)
              .map(PolicyKey::splitList)
              .orElse(List.of())) {
        paths.add(normalisePath(item, pathsKey));
      }
      PolicyLevel level = readLevel(prefix);
      Setting<Boolean> trust = level.get(PolicyKey.TRUST_FORWARDED_HEADERS);
      if (trust != null && trust.value() != trustForwardedHeaders) {
        throw new InvalidCorsConfigurationException(
            "Invalid CORS value '"
                + trust.value()
                + "' in "
                + trust.source()
                + ": trust in forwarded headers applies to the whole deployment (a proxy is in"
                + " front of all of it or of none); set cors.trust-forwarded-headers="
                + trust.value()
                + " instead");
      }
      policies.put(policyName, new NamedPolicy(policyName, level, List.copyOf(paths)));
    }
    return policies;
  }

  private static boolean isPolicyKey(String key) {
    for (PolicyKey<?> policyKey : PolicyKey.ALL) {
      if (key.equals(policyKey.configKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Splits a configured list as every list key is split: on commas, {@code \\,} standing for a
   * comma inside an item, blanks around items dropped, empty items left out.
   *
   * @param text the value
   * @return the items
   */
  public static List<String> splitList(String text) {
    return PolicyKey.splitList(text);
  }

  /**
   * A path item of configuration: {@code /public/*} becomes {@code public/*}, {@code /items/}
   * becomes {@code items}.
   *
   * @param item the item as configured
   * @param key the key it was read from, for the message
   * @return the normalised item
   * @throws InvalidCorsConfigurationException for an item that is neither an exact path nor one
   *     ending in {@code /*}
   */
  public static String normalisePath(String item, String key) {
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

  /**
   * Reads an annotation's set attributes, expanding {@code ${key}} and {@code ${key:default}}.
   *
   * @param place {@code Class} or {@code Class#method}, for messages
   */
  private PolicyLevel annotationLevel(CorsAllowed annotation, String place) {
    if (annotation == null) {
      return PolicyLevel.EMPTY;
    }
    PolicyLevel.Builder level = new PolicyLevel.Builder();
    for (PolicyKey<?> key : PolicyKey.ALL) {
      String text = key.annotationText(annotation);
      if (!text.isEmpty()) {
        String source = "@CorsAllowed(" + key.attribute + ") on " + place;
        String expanded = expand(text, source);
        if (key.isList() || !expanded.isBlank()) {
          put(level, key, expanded, source);
        }
      }
    }
    return level.build();
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
}
