package dev.corsjaxrs.config;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names this module reads under {@code cors.}, so that a misspelt key fails the deployment
 * instead of being silently ignored: the message names the key, where it was set and the closest
 * known key. Keys of Helidon MP's own CORS module, which shares the {@code cors.} prefix, are left
 * to it where that module is present.
 */
final class KnownKeys {

  /** Helidon MP's CORS module, whose configuration section is also {@code cors}. */
  static final String HELIDON_CORS = "io.helidon.microprofile.cors.CorsCdiExtension";

  private static final Set<String> HELIDON_ONLY =
      Set.of(
          "cors.allow-origins", "cors.allow-methods", "cors.allow-headers", "cors.expose-headers");

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");

  /** Every global key, outside {@code cors.policy.<name>.}. */
  static final List<String> GLOBAL = globalKeys();

  /** Every key of a named policy, after {@code cors.policy.<name>.}. */
  static final List<String> NAMED = namedKeys();

  private KnownKeys() {}

  private static List<String> globalKeys() {
    List<String> keys = new ArrayList<>(List.of("cors.enabled"));
    for (PolicyKey<?> key : PolicyKey.ALL) {
      if (key.configKey != null) {
        keys.add(ConfigReader.PREFIX + key.configKey);
      }
    }
    keys.addAll(
        List.of(
            ConfigReader.SERVLET_PATHS, ConfigReader.ALLOWED_HOSTS, ConfigReader.CHECK_SECONDS));
    return List.copyOf(keys);
  }

  private static List<String> namedKeys() {
    List<String> keys = new ArrayList<>(List.of("paths"));
    for (PolicyKey<?> key : PolicyKey.ALL) {
      if (key.configKey != null) {
        keys.add(key.configKey);
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Checks one global key (a name under {@code cors.}, not under {@code cors.policy.}).
   *
   * @param name the key as the configuration lists it
   * @param source where it was set, for the message (null where unknown)
   * @param helidonCors whether Helidon MP's CORS module is present, whose keys are then its own
   * @throws InvalidCorsConfigurationException for a key this module does not know
   */
  static void checkGlobal(String name, String source, boolean helidonCors) {
    if (GLOBAL.contains(name)) {
      return;
    }
    String closest = closest(name, globalCandidates(name));
    if (helidonCors && (HELIDON_ONLY.contains(name) || name.startsWith("cors.paths."))) {
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS key ''{0}''{1} belongs to Helidon''s own CORS module (helidon-microprofile-cors),"
              + " which is on the class path; cors-jaxrs ignores it (closest key of cors-jaxrs:"
              + " {2}). Two CORS layers answer the same requests: keep one.",
          name,
          where(source),
          closest);
      return;
    }
    throw unknown(
        name,
        source,
        "did you mean "
            + closest
            + "? The keys are "
            + String.join(", ", GLOBAL)
            + ", and cors.policy.<name>.<key> for named policies");
  }

  /**
   * Checks one key of a named policy.
   *
   * @param prefix {@code cors.policy.<name>.}
   * @param key what follows the prefix
   * @param source where it was set, for the message (null where unknown)
   * @throws InvalidCorsConfigurationException for a key a named policy does not take
   */
  static void checkNamed(String prefix, String key, String source) {
    if (NAMED.contains(key)) {
      return;
    }
    throw unknown(
        prefix + key,
        source,
        "did you mean "
            + prefix
            + closest(key, NAMED)
            + "? A named policy takes "
            + String.join(", ", NAMED));
  }

  /** Every attribute of {@code @CorsAllowed} an override key may name. */
  static final List<String> ATTRIBUTES = attributes();

  private static List<String> attributes() {
    List<String> names = new ArrayList<>();
    for (PolicyKey<?> key : PolicyKey.ALL) {
      if (key.attribute != null) {
        names.add(key.attribute);
      }
    }
    return List.copyOf(names);
  }

  /**
   * Checks an annotation override key, {@code <Class>[/<method>]/CorsAllowed/<attribute>}.
   *
   * @param name the key as the configuration lists it
   * @param source where it was set, for the message (null where unknown)
   * @throws InvalidCorsConfigurationException for an attribute {@code @CorsAllowed} does not have
   */
  static void checkOverride(String name, String source) {
    String attribute =
        name.substring(name.lastIndexOf(ConfigReader.OVERRIDE) + ConfigReader.OVERRIDE.length());
    if (ATTRIBUTES.contains(attribute)) {
      return;
    }
    throw unknown(
        name,
        source,
        "@CorsAllowed has no attribute '"
            + attribute
            + "'; did you mean "
            + closest(attribute, ATTRIBUTES)
            + "? The attributes are "
            + String.join(", ", ATTRIBUTES));
  }

  /** The failure for a key this module does not read: the key, where it was set, a hint. */
  private static InvalidCorsConfigurationException unknown(String key, String source, String hint) {
    return new InvalidCorsConfigurationException(
        "Unknown CORS key '" + key + "'" + where(source) + ": " + hint);
  }

  private static String where(String source) {
    return source == null ? "" : " (set in " + source + ")";
  }

  /**
   * What a global key may have meant: every global key, and, for a name of four segments or more,
   * every key of the named policy its third segment names ({@code cors.policies.x.paths} meant
   * {@code cors.policy.x.paths}).
   */
  private static List<String> globalCandidates(String name) {
    String[] segments = name.split("\\.", -1);
    if (segments.length < 4) {
      return GLOBAL;
    }
    List<String> candidates = new ArrayList<>(GLOBAL);
    NAMED.forEach(key -> candidates.add("cors.policy." + segments[2] + "." + key));
    return candidates;
  }

  /**
   * The candidate closest to {@code name} segment by segment ({@link #keyDistance}); the first on a
   * tie.
   */
  static String closest(String name, List<String> candidates) {
    String best = candidates.get(0);
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = keyDistance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * How far apart two keys are, segment by segment (segments split at {@code .}): a missing or
   * extra segment costs its length, two segments their {@link #segmentDistance}.
   */
  static int keyDistance(String a, String b) {
    String[] as = a.split("\\.", -1);
    String[] bs = b.split("\\.", -1);
    int[][] d = new int[as.length + 1][bs.length + 1];
    for (int i = 1; i <= as.length; i++) {
      d[i][0] = d[i - 1][0] + as[i - 1].length();
    }
    for (int j = 1; j <= bs.length; j++) {
      d[0][j] = d[0][j - 1] + bs[j - 1].length();
    }
    for (int i = 1; i <= as.length; i++) {
      for (int j = 1; j <= bs.length; j++) {
        d[i][j] =
            Math.min(
                d[i - 1][j - 1] + segmentDistance(as[i - 1], bs[j - 1]),
                Math.min(d[i - 1][j] + as[i - 1].length(), d[i][j - 1] + bs[j - 1].length()));
      }
    }
    return d[as.length][bs.length];
  }

  /**
   * How far apart two segments are: their edit distance, or, where less, word by word (words split
   * at {@code -}): each word of {@code a} against its closest word of {@code b}, and one for each
   * word of {@code b} none of them took ({@code origins} is one from {@code allowed-origins}).
   */
  static int segmentDistance(String a, String b) {
    String[] words = a.split("-");
    String[] others = b.split("-");
    boolean[] taken = new boolean[others.length];
    int total = 0;
    for (String word : words) {
      int best = Integer.MAX_VALUE;
      int bestIndex = 0;
      for (int k = 0; k < others.length; k++) {
        int distance = distance(word, others[k]);
        if (distance < best) {
          best = distance;
          bestIndex = k;
        }
      }
      taken[bestIndex] = true;
      total += best;
    }
    for (boolean took : taken) {
      total += took ? 0 : 1;
    }
    return Math.min(distance(a, b), total);
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
