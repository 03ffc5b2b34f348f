package dev.corsjaxrs.config;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsDisabled;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.AllowedHosts;
import dev.corsjaxrs.core.CorsPolicy;
import dev.corsjaxrs.core.CorsProtocol;
import dev.corsjaxrs.core.PolicyBuilder;
import dev.corsjaxrs.core.PolicyCatalog;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
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

  private static final Setting<List<String>> UNKNOWN_METHODS =
      new Setting<>(PolicyBuilder.DEFAULT_METHODS, "built-in default");

  private final ConfigReader reader;
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
  private final List<String> servletPaths;
  private final CorsProtocol protocol;

  /**
   * Reads and validates the global keys and every named policy.
   *
   * @param config the application's configuration
   * @throws InvalidCorsConfigurationException naming every invalid key and value
   */
  public PolicyResolver(Config config) {
    this.reader = new ConfigReader(config);
    this.enabled = reader.enabled();
    if (enabled) {
      reader.checkKeys();
    }
    this.catalog =
        new PolicyCatalog(
            PolicyCatalog.CACHED_ANSWERS,
            reader.attempt(reader::checkAnswerSeconds, PolicyCatalog.CHECK_ANSWER_SECONDS));
    this.global = reader.level(ConfigReader.PREFIX);
    Setting<Boolean> trust = global.get(PolicyKey.TRUST_FORWARDED_HEADERS);
    this.trustForwardedHeaders = trust != null && trust.value();
    this.named = reader.namedPolicies(trustForwardedHeaders);
    this.servletPaths = reader.servletPaths();
    if (enabled && !servletPaths.isEmpty() && !servletDoorDeployed()) {
      reader.attempt(
          () -> {
            throw new InvalidCorsConfigurationException(
                "CORS key "
                    + ConfigReader.SERVLET_PATHS
                    + " is set ("
                    + servletPaths
                    + ") but the servlet door is not deployed: add the artifact"
                    + " dev.corsjaxrs:cors-jaxrs-servlet (the same version as cors-jaxrs) to the"
                    + " application, in a Jakarta Servlet 6 container; without it these paths"
                    + " would not be covered");
          },
          null);
    }
    AllowedHosts hosts = reader.attempt(reader::allowedHosts, AllowedHosts.ANY);
    this.protocol = new CorsProtocol(trustForwardedHeaders, hosts, Telemetry.counter());
    this.namedPaths = new NamedPolicies(named.values());
    this.globalPolicy = reader.attempt(() -> build(global, UNKNOWN_METHODS, "global"), null);
    for (NamedPolicy policy : named.values()) {
      CorsPolicy built =
          reader.attempt(
              () -> build(policy.level().over(global), UNKNOWN_METHODS, policy.name()), null);
      if (built != null) {
        pathPolicies.put(policy.name(), built);
      }
    }
    reader.finish(); // every error of the deployment-wide keys at once
    if (!hosts.allowsAny()) {
      System.getLogger("dev.corsjaxrs")
          .log(System.Logger.Level.INFO, "CORS allowed hosts: {0} (cors.allowed-hosts)", hosts);
    }
  }

  /**
   * The keys of the protections the configuration asks for that only this module gives: strict mode
   * ({@code true} or {@code report}) globally, in a named policy or in an annotation override, and
   * {@code cors.allowed-hosts}. Beside another CORS layer that answers first (Quarkus's own
   * filter), they would silently vanish.
   *
   * @return the keys that set them, empty where none is set
   */
  public List<String> protectionKeys() {
    List<String> keys = new ArrayList<>();
    for (CorsPolicy policy : pathPolicies()) {
      if (policy.rejectDisallowed() || policy.reportDisallowed()) {
        keys.add(policy.sourceOf(CorsPolicy.Attribute.REJECT_DISALLOWED));
      }
    }
    keys.addAll(reader.strictOverrides());
    if (protocol.checksHosts()) {
      keys.add(ConfigReader.ALLOWED_HOSTS);
    }
    return keys.stream().distinct().toList();
  }

  /** The servlet door's initializer, in the artifact cors-jaxrs-servlet. */
  private static final String SERVLET_DOOR = "dev.corsjaxrs.servlet.CorsServletInitializer";

  /**
   * Whether the artifact cors-jaxrs-servlet is deployed with this one, and the Servlet API it needs
   * is visible: its initializer can be loaded, by the application's class loader or this one's.
   */
  private static boolean servletDoorDeployed() {
    for (ClassLoader loader :
        new ClassLoader[] {
          Thread.currentThread().getContextClassLoader(), PolicyResolver.class.getClassLoader()
        }) {
      try {
        Class.forName(SERVLET_DOOR, false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        // not visible to this loader
      }
    }
    return false;
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
   * The protocol every door of the application runs: one, so that report lines are bounded for the
   * whole deployment.
   *
   * @return the protocol
   */
  public CorsProtocol protocol() {
    return protocol;
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
   * The effective policy of a resource method of a root resource class for a request at one path:
   * the named policy whose {@code paths} cover that path counts.
   *
   * @param resourceClass the resource class
   * @param method the resource method (or sub-resource locator)
   * @param path a request path it serves, relative to the application base, without leading slash
   * @param implementedMethods the HTTP methods implemented on that path, or null where unknown
   * @return the policy
   * @throws InvalidCorsConfigurationException for an invalid attribute or combination
   */
  public CorsPolicy forResource(
      Class<?> resourceClass, Method method, String path, List<String> implementedMethods) {
    String literal = NamedPolicies.decode(path);
    return choose(
        forResource(
            List.of(new ResourceHop(resourceClass, method)),
            path,
            implementedMethods,
            item ->
                item.equals("*")
                    || item.equals(literal)
                    || (item.endsWith("/*")
                        && (literal + "/").startsWith(item.substring(0, item.length() - 1)))),
        path);
  }

  /**
   * The effective policy of a resource method reached through sub-resource locators: each hop's
   * method (override, annotation) and class (override, annotation) in turn, the innermost first,
   * then the named policy and the global keys. {@code @CorsDisabled} on any hop disables it. Where
   * no annotation names a policy, the named policy is the one whose {@code paths} cover the request
   * path: one policy is built for each named policy that may cover a path the method serves, and
   * {@link #choose} picks among them per request.
   *
   * @param hops the resource method and its class first, then each locator and its class outwards
   * @param template the full {@code @Path} template from the root, without leading slash
   * @param implementedMethods the HTTP methods implemented on that path, or null where unknown
   * @param mayServe whether the method may serve a request at a {@code paths} item
   * @return the policies
   * @throws InvalidCorsConfigurationException for an invalid attribute or combination
   */
  public ResourcePolicy forResource(
      List<ResourceHop> hops,
      String template,
      List<String> implementedMethods,
      Predicate<String> mayServe) {
    List<NamedPolicy> candidates = namedPaths.candidates(mayServe);
    for (ResourceHop hop : hops) {
      String disabledBy =
          hop.method() != null && hop.method().isAnnotationPresent(CorsDisabled.class)
              ? hop.place()
              : hop.type().isAnnotationPresent(CorsDisabled.class) ? hop.type().getName() : null;
      if (disabledBy != null) {
        return byCovering(
            candidates, covering -> disabled("@CorsDisabled on " + disabledBy, covering));
      }
    }
    PolicyLevel specific = PolicyLevel.EMPTY;
    for (int i = hops.size() - 1; i >= 0; i--) {
      ResourceHop hop = hops.get(i);
      String className = hop.type().getName();
      PolicyLevel classLevel =
          reader
              .level(className + "/CorsAllowed/")
              .over(reader.annotation(hop.type().getAnnotation(CorsAllowed.class), className));
      if (hop.method() != null) {
        classLevel =
            reader
                .level(className + "/" + hop.method().getName() + "/CorsAllowed/")
                .over(reader.annotation(hop.method().getAnnotation(CorsAllowed.class), hop.place()))
                .over(classLevel);
      }
      specific = classLevel.over(specific);
    }
    Setting<List<String>> methods =
        implementedMethods == null
            ? UNKNOWN_METHODS
            : new Setting<>(implementedMethods, "methods implemented by /" + template);
    PolicyLevel annotated = specific;
    String annotation = specific.isEmpty() ? null : "annotation";
    Setting<String> policyName = specific.get(PolicyKey.POLICY);
    if (policyName != null) {
      NamedPolicy base = named.get(policyName.value());
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
      return ResourcePolicy.of(
          build(annotated.over(base.level().over(global)), methods, annotation));
    }
    return byCovering(
        candidates,
        covering ->
            build(
                annotated.over(covering == null ? global : covering.level().over(global)),
                methods,
                annotation != null ? annotation : covering != null ? covering.name() : "global"));
  }

  /** One policy where no named policy covers the request path, and one per candidate. */
  private static ResourcePolicy byCovering(
      List<NamedPolicy> candidates, Function<NamedPolicy, CorsPolicy> policyWhereCovered) {
    CorsPolicy uncovered = policyWhereCovered.apply(null);
    Map<String, CorsPolicy> byNamed = new LinkedHashMap<>();
    for (NamedPolicy candidate : candidates) {
      byNamed.put(candidate.name(), policyWhereCovered.apply(candidate));
    }
    return ResourcePolicy.of(uncovered, byNamed);
  }

  /**
   * The policy of a request to a resource: the one of the named policy covering its path, decoded
   * as the runtime decodes it, where the resource's policy depends on it. A named policy that was
   * not expected to cover any path of the resource (the runtime serves it at a path its template
   * does not match) fails closed, as {@code @CorsDisabled}.
   *
   * @param policy the resource's policies
   * @param path the request path relative to the application base, without leading slash and
   *     without matrix parameters, percent-encoded as sent
   * @return the policy
   */
  public CorsPolicy choose(ResourcePolicy policy, String path) {
    CorsPolicy single = policy.single();
    if (single != null) {
      return single;
    }
    NamedPolicy covering = namedPaths.covering(path);
    CorsPolicy chosen = policy.where(covering == null ? null : covering.name());
    return chosen != null
        ? chosen
        : forUnseenPath(
            path,
            "a method whose @Path template was not expected under cors.policy."
                + covering.name()
                + ".paths");
  }

  /**
   * The policy of paths below a sub-resource locator whose class is only known when the locator
   * runs: like {@code @CorsDisabled} (preflights refused, no headers; in strict mode cross-origin
   * requests refused before matching), since the resource method that will serve them cannot be
   * known before the request. After matching, the method's own policy applies.
   *
   * @param locator the locator, its class, and the hops outwards
   * @param mayServe whether the locator may serve a request at a {@code paths} item
   * @return the policies
   */
  public ResourcePolicy forUnknownSubResources(
      List<ResourceHop> locator, Predicate<String> mayServe) {
    String source =
        "sub-resources of "
            + locator.get(0).place()
            + ", whose class is only known when the locator runs (declare its return type)";
    return byCovering(namedPaths.candidates(mayServe), covering -> disabled(source, covering));
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
                covering));
  }

  /**
   * A {@code @CorsDisabled} place, strict where the covering named policy or the global keys say
   * so: strict mode refuses cross-origin requests there too.
   */
  private CorsPolicy disabled(String source, NamedPolicy covering) {
    PolicyLevel inherited = covering == null ? global : covering.level().over(global);
    PolicyBuilder builder = catalog.builder().disabled(source);
    PolicyKey.REJECT_DISALLOWED.applyTo(builder, inherited);
    return builder.build();
  }

  private CorsPolicy build(
      PolicyLevel level, Setting<List<String>> defaultMethods, String telemetryName) {
    PolicyBuilder builder = catalog.builder().telemetryName(telemetryName);
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

  /**
   * The items of {@code cors.servlet.paths}, normalised ({@code /public/*} becomes {@code
   * public/*}); empty where the key is unset.
   *
   * @return the paths the servlet filter serves
   */
  public List<String> servletPaths() {
    return servletPaths;
  }
}
