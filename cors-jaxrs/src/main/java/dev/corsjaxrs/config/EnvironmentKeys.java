package dev.corsjaxrs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Environment variables as a configuration source (API.md v1.3): a key's variable is its name
 * upper-cased with every character other than a letter or a digit as {@code _} ({@code
 * cors.policy.admin.allowed-origins} is {@code CORS_POLICY_ADMIN_ALLOWED_ORIGINS}), and a
 * configuration may list it under any spelling ({@code cors.allowed.origins} on SmallRye). Values
 * are read through the key itself, which every MicroProfile Config implementation maps to its
 * variable. Variables are shared with other tools: one that maps to no key is ignored, a near miss
 * of a key's variable (two edits or fewer) is said once at WARNING.
 */
final class EnvironmentKeys {

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");
  private static final String POLICY = "CORS_POLICY_";

  /** The variable of every global key. */
  private static final List<String> GLOBAL = variables(KnownKeys.GLOBAL);

  /** The variable of every key of a named policy, after {@code CORS_POLICY_<NAME>_}. */
  private static final List<String> NAMED = variables(KnownKeys.NAMED);

  private EnvironmentKeys() {}

  private static List<String> variables(List<String> keys) {
    List<String> variables = new ArrayList<>();
    keys.forEach(key -> variables.add(variable(key)));
    return List.copyOf(variables);
  }

  /** A key's environment variable: upper case, each other character than A-Z and 0-9 as '_'. */
  static String variable(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = Character.toUpperCase(key.charAt(i));
      out.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return out.toString();
  }

  /**
   * The environment variable a listed configuration name stands for.
   *
   * @param listed a name as the configuration lists it
   * @param environment this process's environment ({@code System::getenv})
   * @return the variable, or null where the name is no {@code CORS_} variable of this process
   */
  static String variableOf(String listed, UnaryOperator<String> environment) {
    String variable = variable(listed);
    return variable.startsWith("CORS_") && environment.apply(variable) != null ? variable : null;
  }

  /**
   * The named policy and key a variable sets: {@code CORS_POLICY_ADMIN_ALLOWED_ORIGINS} sets {@code
   * allowed-origins} of the policy {@code admin} (a name of letters and digits only).
   *
   * @param variable an environment variable
   * @return the policy name (lower case) and the key, or null where it sets none
   */
  static String[] namedPolicyKey(String variable) {
    if (!variable.startsWith(POLICY)) {
      return null;
    }
    String rest = variable.substring(POLICY.length());
    int end = rest.indexOf('_');
    if (end <= 0) {
      return null;
    }
    int key = NAMED.indexOf(rest.substring(end + 1));
    return key < 0
        ? null
        : new String[] {rest.substring(0, end).toLowerCase(Locale.ROOT), KnownKeys.NAMED.get(key)};
  }

  /**
   * Checks a {@code CORS_} variable: a key's is read as that key, another is ignored, and a near
   * miss of a key's variable is said at WARNING.
   *
   * @param variable the variable, as this process has it
   */
  static void check(String variable) {
    String meant = nearMiss(variable);
    if (meant != null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS: the environment variable {0} is no key of cors-jaxrs and is ignored; did you mean"
              + " {1}?",
          variable,
          meant);
    }
  }

  /**
   * The key variable a variable nearly is: at most two edits away, and not a key's own.
   *
   * @return the key's variable, or null
   */
  static String nearMiss(String variable) {
    if (GLOBAL.contains(variable) || namedPolicyKey(variable) != null) {
      return null;
    }
    List<String> candidates = new ArrayList<>(GLOBAL);
    if (variable.startsWith(POLICY)) {
      String rest = variable.substring(POLICY.length());
      int end = rest.indexOf('_');
      if (end > 0) {
        NAMED.forEach(key -> candidates.add(POLICY + rest.substring(0, end) + "_" + key));
      }
    }
    for (String candidate : candidates) {
      if (KnownKeys.distance(variable, candidate) <= 2) {
        return candidate;
      }
    }
    return null;
  }
}
