package dev.corsjaxrs.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Named policies' paths are compared with the request path as the runtime decodes it: percent
 * escapes as UTF-8, a plus stays a plus, a broken escape stays as sent, dot segments are not
 * resolved.
 */
class PathDecodingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "users/me|users/me",
        "users/m%65|users/me",
        "users/%6D%65|users/me",
        "%61cme/orders|acme/orders",
        "a+b|a+b",
        "a%20b|a b",
        "caf%C3%A9|café",
        "50%|50%",
        "50%2|50%2",
        "%zz|%zz",
        "admin/%2E%2E/public|admin/../public",
        "users%2Fme|users/me",
        "''|''",
        "caf\u00e9%20x|caf\u00e9 x",
        "%41\ud83d\ude00%42|A\ud83d\ude00B",
        "\ud83d\ude00|\ud83d\ude00",
        "a%2|a%2",
        "%|%",
      })
  void decodes(String path, String expected) {
    assertThat(NamedPolicies.decode(path)).isEqualTo(expected);
  }
}
