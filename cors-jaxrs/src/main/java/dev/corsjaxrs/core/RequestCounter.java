package dev.corsjaxrs.core;

/**
 * Where each request the protocol decides is counted (the {@code cors.requests} counter of API.md
 * v1.2), once, with four values from small fixed sets; never a request's own origin or path.
 */
@FunctionalInterface
public interface RequestCounter {

  /** Counts nothing: where no telemetry API is visible. */
  RequestCounter NONE = (kind, outcome, refusal, policy) -> {};

  /** {@code cors.request.kind}. */
  enum Kind {
    /** A preflight. */
    PREFLIGHT,
    /** A request carrying {@code Origin}, or one refused by the Sec-Fetch-Site rule. */
    ACTUAL,
    /** A WebSocket handshake under {@code cors.servlet.paths}. */
    WEBSOCKET
  }

  /** {@code cors.outcome}. */
  enum Outcome {
    /** The browser is allowed. */
    ALLOWED,
    /** The browser is denied: a 403, or an answer without {@code Access-Control-Allow-Origin}. */
    REFUSED,
    /** Report mode: strict mode would have answered 403; the answer is that without it. */
    REPORTED,
    /** A same-origin request. */
    SAME_ORIGIN
  }

  /**
   * Counts one decided request.
   *
   * @param kind what kind of request it was
   * @param outcome what the browser got
   * @param refusal the broken rule, or null for none
   * @param policy {@code disabled}, {@code annotation}, a named policy's name, or {@code global}
   */
  void count(Kind kind, Outcome outcome, Refusal refusal, String policy);
}
