package dev.corsjaxrs.core;

import java.util.List;
import java.util.Optional;

/**
 * What a request's {@code Origin} lines say under a policy: an allowed origin and until when (as
 * long as the configuration, or as long as an origin check's answer holds), or else the decision to
 * give instead (a refusal, or "not CORS" for a same-origin request).
 */
final class OriginVerdict {

  /** The allowed origin, or null where {@link #decision} is set. */
  final Origin origin;

  /** Until when ({@link System#nanoTime()}) the origin is allowed. */
  final long until;

  /** The decision to give instead, or null where the origin is allowed. */
  final CorsDecision decision;

  private OriginVerdict(Origin origin, long until, CorsDecision decision) {
    this.origin = origin;
    this.until = until;
    this.decision = decision;
  }

  private static OriginVerdict decided(CorsDecision decision) {
    return new OriginVerdict(null, 0, decision);
  }

  /**
   * Checks the {@code Origin} lines of a request that has at least one.
   *
   * @param policy the policy
   * @param request the request
   * @param vary the {@code Vary} of the answer
   * @param notCors the answer to a same-origin request
   * @return the verdict
   */
  static OriginVerdict of(
      CorsPolicy policy, CorsRequest request, String vary, CorsDecision notCors) {
    List<String> lines = request.origins();
    if (lines.size() != 1) {
      return decided(
          CorsDecision.refused(
              vary,
              Refusal.ORIGIN_INVALID,
              () -> "the request has " + lines.size() + " Origin headers"));
    }
    String header = lines.get(0);
    Optional<Origin> parsed = Origin.parse(header);
    if (parsed.isEmpty()) {
      return decided(
          CorsDecision.refused(
              vary,
              Refusal.ORIGIN_INVALID,
              () -> "Origin '" + HttpSyntax.printable(header) + "' is not an origin"));
    }
    Origin origin = parsed.get();
    if (!policy.disabled && policy.origins.allows(origin)) {
      return new OriginVerdict(origin, ActualAnswers.FOREVER, null);
    }
    String serialized = origin.toString();
    if (policy.originCheck != null && !origin.isNull()) {
      long until =
          policy.checkAnswers.allowedUntil(policy.originCheck, policy.originCheckName, serialized);
      if (until != CheckAnswers.NO) {
        return new OriginVerdict(origin, until, null);
      }
    }
    if (isSameOrigin(origin, serialized, request)) {
      return new OriginVerdict(null, 0, notCors);
    }
    if (policy.disabled) {
      return decided(
          CorsDecision.refused(
              vary,
              Refusal.CORS_DISABLED,
              () -> "CORS is disabled here by " + policy.sourceOf(CorsPolicy.Attribute.ORIGINS)));
    }
    return decided(
        CorsDecision.refused(
            vary,
            Refusal.ORIGIN_NOT_ALLOWED,
            () ->
                "origin "
                    + serialized
                    + " is not allowed: only "
                    + (policy.origins.isEmpty()
                        ? "none"
                        : PolicyDescription.summary(policy.origins.items()))
                    + " (from "
                    + policy.sourceOf(CorsPolicy.Attribute.ORIGINS)
                    + ")"
                    + (policy.originCheck == null
                        ? ""
                        : ", nor by check "
                            + policy.originCheckName
                            + " (from "
                            + policy.sourceOf(CorsPolicy.Attribute.ORIGIN_CHECK)
                            + ")")));
  }

  /**
   * Whether an {@code Origin} is the request's own: its serialized own origin, or, where the
   * browser marks the request {@code Sec-Fetch-Site: same-origin}, an origin naming the request's
   * own host (its scheme and port may differ behind a proxy whose forwarded headers are not
   * trusted). A browser's label never makes another host, or {@code null}, same-origin.
   */
  private static boolean isSameOrigin(Origin origin, String serialized, CorsRequest request) {
    String own = request.ownOrigin();
    if (serialized.equals(own)) {
      return true;
    }
    if (origin.isNull() || own == null || !"same-origin".equals(request.secFetchSite())) {
      return false;
    }
    return Origin.parse(own).map(o -> o.host().equals(origin.host())).orElse(false);
  }
}
