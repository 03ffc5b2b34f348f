package dev.corsjaxrs.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What to answer to one request: the CORS headers to write (in order), the {@code Vary} items to
 * merge into the response's own, and, for a refusal, the rule that was broken with a sentence that
 * explains it. The sentence is built only when asked for, so that refusals cost nothing unless they
 * are logged.
 */
public final class CorsDecision {

  /** The three possible answers. */
  public enum Outcome {
    /** Not a CORS request (no {@code Origin}, or same-origin): leave it to the application. */
    NOT_CORS,
    /** Allowed: write {@link #headers()}. */
    ALLOWED,
    /** Refused: write no {@code Access-Control-Allow-*} header. */
    REFUSED
  }

  private final Outcome outcome;
  private final Map<String, String> headers;
  private final String vary;
  private final Refusal refusal;
  private final Supplier<String> explanation;
  private final boolean exposeAllResponseHeaders;

  private CorsDecision(
      Outcome outcome,
      Map<String, String> headers,
      String vary,
      Refusal refusal,
      Supplier<String> explanation,
      boolean exposeAllResponseHeaders) {
    this.outcome = outcome;
    this.headers =
        headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.vary = vary;
    this.refusal = refusal;
    this.explanation = explanation;
    this.exposeAllResponseHeaders = exposeAllResponseHeaders;
  }

  /**
   * An allowed request.
   *
   * @param headers the CORS headers to write, in order
   * @param vary the items to merge into {@code Vary}
   * @param exposeAllResponseHeaders whether the glue must list the response's own header names in
   *     {@code Access-Control-Expose-Headers}
   */
  static CorsDecision allowed(
      Map<String, String> headers, String vary, boolean exposeAllResponseHeaders) {
    return new CorsDecision(Outcome.ALLOWED, headers, vary, null, null, exposeAllResponseHeaders);
  }

  static CorsDecision notCors(String vary) {
    return new CorsDecision(Outcome.NOT_CORS, Map.of(), vary, null, null, false);
  }

  static CorsDecision refused(String vary, Refusal refusal, Supplier<String> explanation) {
    return new CorsDecision(Outcome.REFUSED, Map.of(), vary, refusal, explanation, false);
  }

  /**
   * Whether the request is allowed, refused, or not a CORS request at all.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The CORS response headers to write, each exactly once; empty unless allowed.
   *
   * @return name to value, in order
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The items to merge into {@code Vary}.
   *
   * @return the items, or null for none
   */
  public String vary() {
    return vary;
  }

  /**
   * The broken rule.
   *
   * @return the refusal, or null unless refused
   */
  public Refusal refusal() {
    return refusal;
  }

  /**
   * A sentence saying why the request was refused, naming the value, the rule and where the rule
   * was configured; request values in it are truncated and escaped.
   *
   * @return the sentence, or null unless refused
   */
  public String explanation() {
    return explanation == null ? null : explanation.get();
  }

  /**
   * Whether {@code Access-Control-Expose-Headers} must list the names of the response's own headers
   * (exposed {@code *} with credentials, where a literal {@code *} is not a wildcard).
   *
   * @return true where the glue must list them
   */
  public boolean exposeAllResponseHeaders() {
    return exposeAllResponseHeaders;
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

  @Override
  public String toString() {
    return outcome + (isRefused() ? " (" + refusal + ": " + explanation() + ")" : " " + headers);
  }
}
