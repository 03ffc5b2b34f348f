package dev.corsjaxrs.core;

/** Why a CORS request was refused: a machine-readable reason, one per rule of the protocol. */
public enum Refusal {
  /** More than one {@code Origin} header, or a value that is not a serialized origin. */
  ORIGIN_INVALID,
  /** A valid origin that the policy does not allow. */
  ORIGIN_NOT_ALLOWED,
  /** {@code Access-Control-Request-Method} is not an HTTP method token. */
  METHOD_INVALID,
  /** The requested method is not among the allowed methods. */
  METHOD_NOT_ALLOWED,
  /** {@code Access-Control-Request-Headers} holds something that is not a header name. */
  HEADER_INVALID,
  /** A requested header is not among the allowed headers. */
  HEADER_NOT_ALLOWED,
  /** A Private Network Access preflight where the policy does not allow it. */
  PRIVATE_NETWORK_NOT_ALLOWED,
  /** CORS is turned off here with {@code @CorsDisabled}. */
  CORS_DISABLED
}
