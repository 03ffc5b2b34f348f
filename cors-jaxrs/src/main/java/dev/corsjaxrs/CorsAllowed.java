package dev.corsjaxrs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows cross-origin access to a resource class or resource method.
 *
 * <p>Every attribute left at its default inherits from the next level of precedence (method
 * configuration override, method annotation, class configuration override, class annotation, named
 * policy, global {@code cors.*} configuration, built-in default); a set attribute overrides. Every
 * string may hold MicroProfile Config expressions, {@code ${key}} and {@code ${key:default}},
 * resolved at deployment, and every list item may itself be a comma-separated list.
 *
 * <p>Operators override an attribute without recompiling with the configuration keys {@code
 * <fully.qualified.Class>/CorsAllowed/<attribute>} and {@code
 * <fully.qualified.Class>/<methodName>/CorsAllowed/<attribute>}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CorsAllowed {

  /**
   * Allowed origins: exact ({@code https://app.example.com}), {@code *}, subdomain patterns ({@code
   * https://*.example.com}), any-port patterns ({@code http://localhost:*}) or {@code null}.
   * Default: inherit.
   *
   * @return the allowed origins
   */
  String[] origins() default {};

  /**
   * Methods a preflight may ask for (case-sensitive tokens, {@code *} for any). Default: inherit;
   * in the end, the methods the resource implements.
   *
   * @return the allowed methods
   */
  String[] methods() default {};

  /**
   * Request headers a preflight may ask for (case-insensitive, {@code *} for any). Default:
   * inherit; in the end {@code *}.
   *
   * @return the allowed request headers
   */
  String[] allowedHeaders() default {};

  /**
   * Response headers the browser may let the page read. Default: inherit; in the end none.
   *
   * @return the exposed response headers
   */
  String[] exposedHeaders() default {};

  /**
   * {@code "true"} to allow credentials (cookies, {@code Authorization}), {@code "false"} to refuse
   * them, {@code ""} to inherit (in the end {@code false}).
   *
   * @return whether credentials are allowed
   */
  String allowCredentials() default "";

  /**
   * Seconds a browser may cache a preflight answer; {@code -1} inherits (in the end 1800).
   *
   * @return the preflight cache time in seconds
   */
  long maxAge() default -1;

  /**
   * {@code "true"} to answer Private Network Access preflights, {@code "false"} to refuse them,
   * {@code ""} to inherit (in the end {@code false}).
   *
   * @return whether private network access is allowed
   */
  String allowPrivateNetwork() default "";

  /**
   * Name of a configured policy ({@code cors.policy.<name>.*}) to start from. Default: none (the
   * policy whose {@code paths} match, else the global one).
   *
   * @return the named policy
   */
  String policy() default "";

  /**
   * Origins the application decides (see {@link CorsOriginCheck}), beyond {@link #origins()}: an
   * origin is allowed when either allows it. Default: {@code CorsOriginCheck.class}, which
   * inherits.
   *
   * @return the check's class
   */
  Class<? extends CorsOriginCheck> originCheck() default CorsOriginCheck.class;

  /**
   * Strict mode here: {@code "true"} answers a cross-origin request from an origin that is not
   * allowed with 403 before the resource runs; {@code "report"} answers as {@code "false"} and
   * reports each request {@code "true"} would refuse; {@code "false"} turns it off. Default: {@code
   * ""}, which inherits ({@code cors.reject-disallowed}), so that strict mode can be rolled out one
   * resource class or method at a time.
   *
   * @return {@code "true"}, {@code "false"}, {@code "report"}, or {@code ""} to inherit
   */
  String rejectDisallowed() default "";
}
