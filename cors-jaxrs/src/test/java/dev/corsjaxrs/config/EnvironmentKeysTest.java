package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.testing.CapturedLog;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Environment variables as a configuration source (API.md v1.3), with the process environment
 * given: a key's variable under any spelling a configuration lists it, named policies from
 * variables alone, other tools' variables ignored, a near miss said once.
 */
class EnvironmentKeysTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "cors.allowed-origins, CORS_ALLOWED_ORIGINS",
    "cors.allowed.origins, CORS_ALLOWED_ORIGINS",
    "CORS_ALLOWED_ORIGINS, CORS_ALLOWED_ORIGINS",
    "cors.policy.admin.reject-disallowed, CORS_POLICY_ADMIN_REJECT_DISALLOWED",
    "cors.origin-check.cache-seconds, CORS_ORIGIN_CHECK_CACHE_SECONDS",
    "Cors.Max_Age, CORS_MAX_AGE",
    "cors.a9z, CORS_A9Z",
    "az.AZ.09, AZ_AZ_09",
    "a@[/:`{b, A______B",
  })
  void aKeysVariableIsItsNameUpperCasedWithUnderscores(String key, String variable) {
    assertThat(EnvironmentKeys.variable(key)).isEqualTo(variable);
  }

  @Test
  void aListedNameIsAVariableOnlyWhereTheProcessHasIt() {
    Map<String, String> environment = Map.of("CORS_ALLOWED_ORIGINS", "x", "OTHER_KEY", "y");
    assertThat(EnvironmentKeys.variableOf("cors.allowed.origins", environment::get))
        .isEqualTo("CORS_ALLOWED_ORIGINS");
    assertThat(EnvironmentKeys.variableOf("cors.allowed-origins", environment::get))
        .isEqualTo("CORS_ALLOWED_ORIGINS");
    assertThat(EnvironmentKeys.variableOf("cors.max.age", environment::get)).isNull();
    assertThat(EnvironmentKeys.variableOf("other.key", environment::get))
        .as("only CORS_ variables")
        .isNull();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "CORS_POLICY_ADMIN_ALLOWED_ORIGINS, admin, allowed-origins",
    "CORS_POLICY_ADMIN_PATHS, admin, paths",
    "CORS_POLICY_P2_REJECT_DISALLOWED, p2, reject-disallowed",
    "CORS_POLICY_X_ORIGIN_CHECK, x, origin-check",
  })
  void aNamedPolicyIsDefinedByVariablesAlone(String variable, String policy, String key) {
    assertThat(EnvironmentKeys.namedPolicyKey(variable)).containsExactly(policy, key);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "CORS_POLICY_ADMIN_ALLOWED_ORIGIN",
    "CORS_POLICY__PATHS",
    "CORS_POLICY_ADMIN",
    "CORS_POLICYADMIN_PATHS",
    "CORS_ALLOWED_ORIGINS",
    "CORS_POLICY_ADMIN_ENABLED",
  })
  void otherVariablesSetNoNamedPolicyKey(String variable) {
    assertThat(EnvironmentKeys.namedPolicyKey(variable)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "CORS_ALLOWED_ORIGIN, CORS_ALLOWED_ORIGINS",
    "CORS_ALOWED_ORIGNS, CORS_ALLOWED_ORIGINS",
    "CORS_MAXAGE, CORS_MAX_AGE",
    "CORS_POLICY_ADMIN_ALLOWED_ORIGIN, CORS_POLICY_ADMIN_ALLOWED_ORIGINS",
    "CORS_POLICY_ADMIN_PATH, CORS_POLICY_ADMIN_PATHS",
  })
  void aNearMissNamesTheKeysVariable(String variable, String meant) {
    assertThat(EnvironmentKeys.nearMiss(variable)).isEqualTo(meant);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "CORS_ALLOWED_ORIGINS",
    "CORS_POLICY_ADMIN_PATHS",
    "CORS_KIT_DIR",
    "CORS_SOMETHING_ELSE",
    "CORS_PROXY_URL",
    "CORS_ORIGIN",
    "CORS_POLICY",
    "CORS_ALLOWED_ORIG", // three edits away
    "CORS_POLICY__PATHS", // no policy name
  })
  void keysAndOtherToolsVariablesAreNoNearMiss(String variable) {
    assertThat(EnvironmentKeys.nearMiss(variable)).isNull();
  }

  @Test
  void aNearMissIsSaidOnceAtWarningAndAKeyOrAnotherToolsVariableNotAtAll() {
    List<String> warnings;
    try (CapturedLog log = CapturedLog.of("dev.corsjaxrs")) {
      EnvironmentKeys.check("CORS_ALLOWED_ORIGIN");
      EnvironmentKeys.check("CORS_ALLOWED_ORIGINS");
      EnvironmentKeys.check("CORS_KIT_DIR");
      warnings = log.messages(Level.WARNING);
    }
    assertThat(warnings)
        .containsExactly(
            "CORS: the environment variable CORS_ALLOWED_ORIGIN is no key of cors-jaxrs and is"
                + " ignored; did you mean CORS_ALLOWED_ORIGINS?");
  }

  @Test
  void aVariableListedUnderTwoSpellingsIsWarnedAboutOnce() {
    List<String> warnings;
    try (CapturedLog log = CapturedLog.of("dev.corsjaxrs")) {
      ConfigReader reader =
          new ConfigReader(
              PolicyResolverTest.config(
                  Map.of("cors.allowed.origin", "x", "CORS_ALLOWED_ORIGIN", "x")),
              Map.of("CORS_ALLOWED_ORIGIN", "x")::get);
      reader.checkKeys();
      reader.finish();
      warnings = log.messages(Level.WARNING);
    }
    assertThat(warnings).hasSize(1);
  }

  @Test
  void theReaderTakesVariablesUnderTheirListedSpellingsAndIgnoresOtherTools() {
    Map<String, String> environment =
        Map.of(
            "CORS_ALLOWED_ORIGINS", "https://a.example",
            "CORS_POLICY_ADMIN_ALLOWED_ORIGINS", "https://b.example",
            "CORS_POLICY_ADMIN_PATHS", "/admin/*",
            "CORS_KIT_DIR", "/tmp");
    ConfigReader reader =
        new ConfigReader(
            PolicyResolverTest.config(
                Map.of(
                    "cors.allowed.origins", "https://a.example",
                    "cors.policy.admin.allowed.origins", "https://b.example",
                    "CORS_POLICY_ADMIN_PATHS", "/admin/*",
                    "cors.kit.dir", "/tmp")),
            environment::get);
    reader.checkKeys();
    reader.finish();
    assertThat(reader.namedPolicies(false)).containsOnlyKeys("admin");
  }
}
