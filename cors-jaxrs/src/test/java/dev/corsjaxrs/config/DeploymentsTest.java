package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Both doors of one application share its deployment; applications never share one. */
class DeploymentsTest {

  static Config config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(properties, "test", 500))
        .build();
  }

  @Test
  void oneConfigurationIsOneDeploymentAndAnotherIsAnother() {
    Config app = config(Map.of("cors.allowed-origins", "https://app.example.com"));
    PolicyResolver first = Deployments.of(app);
    assertThat(Deployments.of(app)).isSameAs(first);
    assertThat(Deployments.of(config(Map.of("cors.allowed-origins", "https://app.example.com"))))
        .isNotSameAs(first);
  }

  @Test
  void anInvalidConfigurationFailsEveryTimeItIsAsked() {
    Config bad = config(Map.of("cors.allowed-origins", "*", "cors.allow-credentials", "true"));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Deployments.of(bad))
          .isInstanceOf(InvalidCorsConfigurationException.class)
          .hasMessageContaining("cors.allowed-origins");
    }
  }
}
