package dev.corsjaxrs;

/**
 * Origins the application decides, beyond the configured ones: for multi-tenant APIs whose
 * customers bring their own front-end domains. Set it with {@code cors.origin-check}, {@code
 * cors.policy.<name>.origin-check} or {@code @CorsAllowed(originCheck = ...)}; the module uses the
 * CDI bean of that class where CDI has one (so it can inject a repository), else a new instance
 * through its public no-argument constructor.
 *
 * <p>The check is asked only about well-formed origins, normalised ({@code
 * https://shop.example.com}: scheme and host lower-case, default port dropped), never about {@code
 * null}, a malformed value or a request with two {@code Origin} headers. Its answers, yes and no,
 * are reused for {@code cors.origin-check.cache-seconds} (default 60) in a cache bounded for the
 * whole deployment; one origin asked about by many concurrent requests is asked once. A check that
 * throws counts as "no" for that request (not reused) and is logged at WARNING at most once a
 * minute per check class.
 */
@FunctionalInterface
public interface CorsOriginCheck {

  /**
   * Whether this origin may call, beyond what the configured origins already allow.
   *
   * @param origin a normalised origin, e.g. {@code https://shop.example.com}
   * @return true to allow it
   */
  boolean allows(String origin);
}
