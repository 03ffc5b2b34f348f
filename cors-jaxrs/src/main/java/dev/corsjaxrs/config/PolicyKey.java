package dev.corsjaxrs.config;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsOriginCheck;
import dev.corsjaxrs.InvalidCorsConfigurationException;
import dev.corsjaxrs.core.PolicyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One attribute a policy level may set, the single list of them ({@link #ALL}): its configuration
 * key suffix ({@code cors.<key>}), its {@code @CorsAllowed} attribute (null where the annotation
 * has none), how its text is parsed and how it is handed to a {@link PolicyBuilder}.
 *
 * @param <T> the type of its parsed value
 */
final class PolicyKey<T> {

  /** Hands a parsed value and its source to a builder. */
  @FunctionalInterface
  interface Apply<T> {
    void to(PolicyBuilder builder, T value, String source);
  }

  /** Parses a text value, naming its source in errors. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text, String source);
  }

  private static final Parser<List<String>> LIST = (text, source) -> splitList(text);

  static final PolicyKey<List<String>> ORIGINS =
      list("allowed-origins", "origins", PolicyBuilder::origins, a -> a.origins());
  static final PolicyKey<List<String>> METHODS =
      list("allowed-methods", "methods", PolicyBuilder::methods, a -> a.methods());
  static final PolicyKey<List<String>> ALLOWED_HEADERS =
      list(
          "allowed-headers",
          "allowedHeaders",
          PolicyBuilder::allowedHeaders,
          a -> a.allowedHeaders());
  static final PolicyKey<List<String>> EXPOSED_HEADERS =
      list(
          "exposed-headers",
          "exposedHeaders",
          PolicyBuilder::exposedHeaders,
          a -> a.exposedHeaders());
  static final PolicyKey<Boolean> ALLOW_CREDENTIALS =
      new PolicyKey<>(
          "allow-credentials",
          "allowCredentials",
          PolicyKey::parseBoolean,
          PolicyBuilder::allowCredentials,
          a -> a.allowCredentials());
  static final PolicyKey<Long> MAX_AGE =
      new PolicyKey<>(
          "max-age",
          "maxAge",
          PolicyKey::parseLong,
          PolicyBuilder::maxAge,
          a -> a.maxAge() == -1 ? "" : Long.toString(a.maxAge()));
  static final PolicyKey<Boolean> ALLOW_PRIVATE_NETWORK =
      new PolicyKey<>(
          "allow-private-network",
          "allowPrivateNetwork",
          PolicyKey::parseBoolean,
          PolicyBuilder::allowPrivateNetwork,
          a -> a.allowPrivateNetwork());

  /** {@code true}, {@code false} or {@code report} (answered as false, refusals reported). */
  static final PolicyKey<String> REJECT_DISALLOWED =
      new PolicyKey<>(
          "reject-disallowed",
          "rejectDisallowed",
          PolicyKey::parseStrictness,
          (builder, value, source) -> {
            if (value.equals("report")) {
              builder.reportDisallowed(source);
            } else {
              builder.rejectDisallowed(value.equals("true"), source);
            }
          },
          a -> a.rejectDisallowed());

  /** The application's origin check, by class name; {@link PolicyResolver} finds the instance. */
  static final PolicyKey<String> ORIGIN_CHECK =
      new PolicyKey<>(
          "origin-check",
          "originCheck",
          (text, source) -> text.strip(),
          null,
          a -> a.originCheck() == CorsOriginCheck.class ? "" : a.originCheck().getName());

  /** Deployment-wide: read by {@link PolicyResolver}, never handed to a policy. */
  static final PolicyKey<Boolean> TRUST_FORWARDED_HEADERS =
      new PolicyKey<>("trust-forwarded-headers", null, PolicyKey::parseBoolean, null, null);

  /** The annotation's {@code policy}: which named policy to start from. */
  static final PolicyKey<String> POLICY =
      new PolicyKey<>(null, "policy", (text, source) -> text.strip(), null, a -> a.policy());

  /** Every key, in the order of the deployment log. */
  static final List<PolicyKey<?>> ALL =
      List.of(
          ORIGINS,
          METHODS,
          ALLOWED_HEADERS,
          EXPOSED_HEADERS,
          ALLOW_CREDENTIALS,
          MAX_AGE,
          ALLOW_PRIVATE_NETWORK,
          REJECT_DISALLOWED,
          ORIGIN_CHECK,
          TRUST_FORWARDED_HEADERS,
          POLICY);

  final String configKey;
  final String attribute;

  /** Whether this key holds a list, which an annotation sets even where it expands to nothing. */
  final boolean list;

  private final Parser<T> parser;
  private final Apply<T> apply;
  private final Function<CorsAllowed, String> annotationText;

  private PolicyKey(
      String configKey,
      String attribute,
      Parser<T> parser,
      Apply<T> apply,
      Function<CorsAllowed, String> annotationText) {
    this.configKey = configKey;
    this.attribute = attribute;
    this.list = parser == LIST;
    this.parser = parser;
    this.apply = apply;
    this.annotationText = annotationText;
  }

  private static PolicyKey<List<String>> list(
      String configKey,
      String attribute,
      Apply<List<String>> apply,
      Function<CorsAllowed, String[]> items) {
    return new PolicyKey<>(
        configKey,
        attribute,
        LIST,
        apply,
        a -> items.apply(a).length == 0 ? "" : String.join(",", items.apply(a)));
  }

  /**
   * Parses a text value (after expression expansion) into a setting.
   *
   * @throws InvalidCorsConfigurationException naming the value and its source
   */
  Setting<T> parse(String text, String source) {
    return new Setting<>(parser.parse(text, source), source);
  }

  /** Hands this key's setting in {@code level}, if any, to a builder. */
  void applyTo(PolicyBuilder builder, PolicyLevel level) {
    Setting<T> setting = level.get(this);
    if (setting != null && apply != null) {
      apply.to(builder, setting.value(), setting.source());
    }
  }

  /** The annotation's text for this key, unexpanded; empty where the annotation leaves it unset. */
  String annotationText(CorsAllowed annotation) {
    return annotationText == null ? "" : annotationText.apply(annotation);
  }

  @Override
  public String toString() {
    return configKey != null ? configKey : attribute;
  }

  /** Parses {@code true} or {@code false}, in any case. */
  static Boolean parseBoolean(String text, String source) {
    String bool = text.strip().toLowerCase(Locale.ROOT);
    if (!bool.equals("true") && !bool.equals("false")) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS value '" + text + "' in " + source + ": expected true or false");
    }
    return Boolean.valueOf(bool);
  }

  private static String parseStrictness(String text, String source) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false") && !value.equals("report")) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS value '" + text + "' in " + source + ": expected true, false or report");
    }
    return value;
  }

  private static Long parseLong(String text, String source) {
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidCorsConfigurationException(
          "Invalid CORS value '" + text + "' in " + source + ": expected a whole number");
    }
  }

  /**
   * Splits a comma-separated list: blanks around items and empty items are dropped, and {@code \,}
   * stands for a comma inside an item.
   */
  static List<String> splitList(String text) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
        item.append(',');
        i++;
      } else if (c == ',') {
        addItem(items, item);
      } else {
        item.append(c);
      }
    }
    addItem(items, item);
    return List.copyOf(items);
  }

  private static void addItem(List<String> items, StringBuilder item) {
    String value = item.toString().strip();
    if (!value.isEmpty()) {
      items.add(value);
    }
    item.setLength(0);
  }
}
