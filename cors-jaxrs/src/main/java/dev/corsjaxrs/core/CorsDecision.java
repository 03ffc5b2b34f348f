package dev.corsjaxrs.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to answer to one request: the CORS headers to write (in order), the {@code Vary} items to
 * merge into the response's own, and, for a refusal, the rule that was broken with a sentence that
 * explains it.
 *
 * @param outcome whether the request is allowed, refused, or not a CORS request at all
 * @param headers the CORS response headers to write, each exactly once; empty unless allowed
 * @param vary the items to merge into {@code Vary}, or null for none
 * @param refusal the broken rule, or null unless refused
 * @param explanation a sentence saying why, for logs and people; null unless refused
 * @param exposeAllResponseHeaders true when {@code Access-Control-Expose-Headers} must list the
 *     names of the response's own headers (exposed {@code *} with credentials, where a literal
 *     {@code *} would not be read as a wildcard)
 */
public record CorsDecision(
    Outcome outcome,
    Map<String, String> headers,
    String vary,
    Refusal refusal,
    String explanation,
    boolean exposeAllResponseHeaders) {

  /** The three possible answers. */
  public enum Outcome {
    /** Not a CORS request (no {@code Origin}, or same-origin): leave it to the application. */
    NOT_CORS,
    /** Allowed: write {@link #headers()}. */
    ALLOWED,
    /** Refused: write no {@code Access-Control-Allow-*} header. */
    REFUSED
  }

  /** Freezes the header map. */
  public CorsDecision {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  static CorsDecision notCors(String vary) {
    return new CorsDecision(Outcome.NOT_CORS, Map.of(), vary, null, null, false);
  }

  static CorsDecision refused(String vary, Refusal refusal, String explanation) {
    return new CorsDecision(Outcome.REFUSED, Map.of(), vary, refusal, explanation, false);
  }

  /**
   * Whether the request is allowed.
   *
   * @return true for {@link Outcome#ALLOWED}
   */
  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }

  /**
   * Whether the request is refused.
   *
   * @return true for {@link Outcome#REFUSED}
   */
  public boolean isRefused() {
    return outcome == Outcome.REFUSED;
  }
}
