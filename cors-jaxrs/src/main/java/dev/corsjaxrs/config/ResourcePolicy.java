package dev.corsjaxrs.config;

import dev.corsjaxrs.core.CorsPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The policy of one resource method (or of the paths below a locator), worked out at deployment for
 * every named policy whose {@code paths} can cover a request the method serves: which one applies
 * is known only from the request path ({@code cors.policy.me.paths=/users/me} changes the policy of
 * {@code @Path("users/{id}")} for {@code /users/me} alone). {@link PolicyResolver#choose} picks it.
 * Where an annotation names its policy, or no named policy can cover the method, it is one policy.
 */
public final class ResourcePolicy {

  /** The policy where no named policy covers the request path. */
  final CorsPolicy uncovered;

  /** The policy where the named policy of that name covers it; empty for a single policy. */
  final Map<String, CorsPolicy> byNamedPolicy;

  private ResourcePolicy(CorsPolicy uncovered, Map<String, CorsPolicy> byNamedPolicy) {
    this.uncovered = uncovered;
    this.byNamedPolicy = byNamedPolicy;
  }

  /**
   * A policy that no request path changes.
   *
   * @param policy the policy
   * @return the resource policy
   */
  public static ResourcePolicy of(CorsPolicy policy) {
    return new ResourcePolicy(policy, Map.of());
  }

  /**
   * A policy that named policies' paths change.
   *
   * @param uncovered the policy where no named policy covers the request path
   * @param byNamedPolicy the policy where the named policy of that name covers it
   * @return the resource policy
   */
  public static ResourcePolicy of(CorsPolicy uncovered, Map<String, CorsPolicy> byNamedPolicy) {
    boolean single = byNamedPolicy.values().stream().allMatch(p -> p == uncovered);
    return new ResourcePolicy(
        uncovered,
        single ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byNamedPolicy)));
  }

  /**
   * The policy where no request path changes it.
   *
   * @return the policy, or null where a named policy's paths choose
   */
  public CorsPolicy single() {
    return byNamedPolicy.isEmpty() ? uncovered : null;
  }

  /**
   * Every policy it can take: where no named policy covers the request path first.
   *
   * @return the policies
   */
  public List<CorsPolicy> all() {
    List<CorsPolicy> all = new ArrayList<>();
    all.add(uncovered);
    all.addAll(byNamedPolicy.values());
    return all;
  }

  /**
   * The names of the named policies that can cover its requests.
   *
   * @return the names, in name order
   */
  public Collection<String> namedPolicies() {
    return byNamedPolicy.keySet();
  }

  /**
   * The policy where a named policy covers the request path.
   *
   * @param name the named policy's name, or null where none covers it
   * @return the policy, or null where that named policy was not expected to cover it
   */
  public CorsPolicy where(String name) {
    if (name == null) {
      return uncovered;
    }
    if (byNamedPolicy.isEmpty()) {
      return uncovered;
    }
    return byNamedPolicy.get(name);
  }

  /**
   * The same resource policy with each of its policies changed.
   *
   * @param change what becomes of each policy
   * @return the changed resource policy
   */
  public ResourcePolicy map(UnaryOperator<CorsPolicy> change) {
    Map<String, CorsPolicy> changed = new LinkedHashMap<>();
    byNamedPolicy.forEach((name, policy) -> changed.put(name, change.apply(policy)));
    return of(change.apply(uncovered), changed);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResourcePolicy
        && ((ResourcePolicy) other).uncovered == uncovered
        && ((ResourcePolicy) other).byNamedPolicy.equals(byNamedPolicy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(uncovered), byNamedPolicy.keySet());
  }

  @Override
  public String toString() {
    return byNamedPolicy.isEmpty()
        ? uncovered.toString()
        : uncovered + " (" + byNamedPolicy.size() + " more by cors.policy.<name>.paths)";
  }
}
