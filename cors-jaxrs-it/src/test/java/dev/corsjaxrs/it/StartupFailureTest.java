package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad configuration stops the deployment with one message naming the value, the place and why. */
class StartupFailureTest {

  static Stream<Arguments> badDeployments() {
    return Stream.of(
        Arguments.of(
            Map.of("cors.allowed-origins", "https://app.example.com/path"),
            Resources.Items.class,
            new String[] {"'https://app.example.com/path'", "cors.allowed-origins", "path"}),
        Arguments.of(
            Map.of("cors.allowed-origins", "https://app.example.com:99999"),
            Resources.Items.class,
            new String[] {"'https://app.example.com:99999'", "cors.allowed-origins", "port"}),
        Arguments.of(
            Map.of("cors.allowed-origins", "https://"),
            Resources.Items.class,
            new String[] {"'https://'", "cors.allowed-origins", "host"}),
        Arguments.of(
            Map.of("cors.allowed-origins", "*", "cors.allow-credentials", "true"),
            Resources.Items.class,
            new String[] {"'*'", "cors.allowed-origins", "cors.allow-credentials"}),
        Arguments.of(
            Map.of("cors.max-age", "-2"),
            Resources.Items.class,
            new String[] {"'-2'", "cors.max-age"}),
        Arguments.of(
            Map.of("cors.max-age", "soon"),
            Resources.Items.class,
            new String[] {"'soon'", "cors.max-age", "whole number"}),
        Arguments.of(
            Map.of("cors.allow-credentials", "yes"),
            Resources.Items.class,
            new String[] {"'yes'", "cors.allow-credentials", "true or false"}),
        Arguments.of(
            Map.of("cors.reject-disallowed", "log"),
            Resources.Items.class,
            new String[] {"'log'", "cors.reject-disallowed", "true, false or report"}),
        Arguments.of(
            Map.of("cors.allowed-hosts", "localhost, *.*.example.com"),
            Resources.Items.class,
            new String[] {"'*.*.example.com'", "cors.allowed-hosts"}),
        Arguments.of(
            Map.of("cors.allowed-methods", "GET,P(UT"),
            Resources.Items.class,
            new String[] {"'P(UT'", "cors.allowed-methods", "token"}),
        Arguments.of(
            Map.of("cors.policy.partner.allowed-origin", "https://a.example"),
            Resources.Items.class,
            new String[] {
              "Unknown CORS key 'cors.policy.partner.allowed-origin'",
              "did you mean cors.policy.partner.allowed-origins?"
            }),
        Arguments.of(
            Map.of("cors.allowed-origin", "https://app.example.com"),
            Resources.Items.class,
            new String[] {
              "Unknown CORS key 'cors.allowed-origin'", "did you mean cors.allowed-origins?"
            }),
        Arguments.of(
            Map.of("cors.origins", "https://app.example.com"),
            Resources.Items.class,
            new String[] {"Unknown CORS key 'cors.origins'", "did you mean cors.allowed-origins?"}),
        Arguments.of(
            Map.of("cors.hosts", "localhost"),
            Resources.Items.class,
            new String[] {"Unknown CORS key 'cors.hosts'", "did you mean cors.allowed-hosts?"}),
        Arguments.of(
            Map.of("cors.policies.x.paths", "/x"),
            Resources.Items.class,
            new String[] {"'cors.policies.x.paths'", "did you mean cors.policy.x.paths?"}),
        Arguments.of(
            Map.of("cors.origins", "https://app.example.com", "cors.max-age", "soon"),
            Resources.Items.class,
            new String[] {
              "2 CORS configuration errors:", "'cors.origins'", "'soon' in cors.max-age"
            }),
        Arguments.of(
            Map.of("cors.policy.partner.paths", "/a/*/b"),
            Resources.Items.class,
            new String[] {"'/a/*/b'", "cors.policy.partner.paths"}),
        Arguments.of(
            Map.of("dev.corsjaxrs.it.Resources$Items/put/CorsAllowed/origins", "ftp//x"),
            Resources.Items.class,
            new String[] {
              "'ftp//x'", "config key dev.corsjaxrs.it.Resources$Items/put/CorsAllowed/origins"
            }),
        Arguments.of(
            Map.of(),
            BadResources.BadOrigin.class,
            new String[] {
              "'https://app.example.com/app'",
              "@CorsAllowed(origins) on dev.corsjaxrs.it.BadResources$BadOrigin#get"
            }),
        Arguments.of(
            Map.of(),
            BadResources.UnknownPolicy.class,
            new String[] {
              "'nope'", "@CorsAllowed(policy) on dev.corsjaxrs.it.BadResources$UnknownPolicy"
            }),
        Arguments.of(
            Map.of(),
            BadResources.Unresolved.class,
            new String[] {"'${missing.origins}'", "missing.origins", "@CorsAllowed(origins)"}),
        Arguments.of(
            Map.of("cors.allowed-origins", "*"),
            BadResources.WildcardCredentials.class,
            new String[] {
              "cors.allowed-origins",
              "@CorsAllowed(allowCredentials) on dev.corsjaxrs.it.BadResources$WildcardCredentials"
            }),
        Arguments.of(
            Map.of(),
            BadResources.BadMethod.class,
            new String[] {
              "'PU T'", "@CorsAllowed(methods) on dev.corsjaxrs.it.BadResources$BadMethod"
            }));
  }

  @ParameterizedTest
  @MethodSource("badDeployments")
  void deploymentFailsNamingValueAndPlace(
      Map<String, String> config, Class<?> resource, String[] fragments) {
    Throwable failure = catchThrowable(() -> TestServer.start(config, resource).close());
    assertThat(failure)
        .as("deployment of %s with %s", resource.getSimpleName(), config)
        .isNotNull();
    Throwable cause = failure;
    while (!(cause instanceof InvalidCorsConfigurationException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertThat(cause).isInstanceOf(InvalidCorsConfigurationException.class);
    assertThat(cause.getMessage()).contains(fragments);
  }
}
