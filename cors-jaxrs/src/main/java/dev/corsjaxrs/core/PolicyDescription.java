package dev.corsjaxrs.core;

import dev.corsjaxrs.core.CorsPolicy.Attribute;
import java.util.List;

/** How a policy reads in the deployment log: each part with where it came from, lists cut short. */
final class PolicyDescription {

  private PolicyDescription() {}

  /** The one-line summary of {@link CorsPolicy#toString()}. */
  static String of(CorsPolicy policy) {
    if (policy.disabled) {
      return "CORS disabled (" + policy.sourceOf(Attribute.ORIGINS) + ")";
    }
    return "origins="
        + summary(policy.origins.items())
        + (policy.originCheck == null ? "" : " + check " + policy.originCheckName)
        + " ("
        + policy.sourceOf(Attribute.ORIGINS)
        + (policy.originCheck == null
            ? ""
            : "; check from " + policy.sourceOf(Attribute.ORIGIN_CHECK))
        + "), methods="
        + (policy.anyMethod ? "*" : "[" + policy.allowMethodsValue + "]")
        + " ("
        + policy.sourceOf(Attribute.METHODS)
        + "), headers="
        + (policy.anyHeader ? "*" : "[" + policy.allowHeadersValue + "]")
        + " ("
        + policy.sourceOf(Attribute.ALLOWED_HEADERS)
        + "), credentials="
        + policy.allowCredentials
        + " ("
        + policy.sourceOf(Attribute.ALLOW_CREDENTIALS)
        + "), max-age="
        + policy.maxAge
        + " ("
        + policy.sourceOf(Attribute.MAX_AGE)
        + ")"
        + strictness(policy);
  }

  /** Strict mode where it is on or reporting, with where it was set; nothing where it is off. */
  private static String strictness(CorsPolicy policy) {
    String mode = policy.reportDisallowed() ? "report" : policy.rejectDisallowed() ? "true" : null;
    return mode == null
        ? ""
        : ", reject-disallowed=" + mode + " (" + policy.sourceOf(Attribute.REJECT_DISALLOWED) + ")";
  }

  /** At most five items of a list, for a log line: allow-lists may hold thousands. */
  static String summary(List<String> items) {
    return items.size() <= 5
        ? items.toString()
        : "[" + String.join(", ", items.subList(0, 5)) + ", ... " + (items.size() - 5) + " more]";
  }
}
