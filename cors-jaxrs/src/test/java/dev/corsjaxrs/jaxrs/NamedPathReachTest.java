package dev.corsjaxrs.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which named policies' {@code paths} items a resource's template may serve a request at, decided
 * once at deployment so that a request only looks the covering policy up: false only where no
 * request path the item covers can match.
 */
class NamedPathReachTest {

  @ParameterizedTest(name = "{0} serves {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "users/{id}|users/me|true",
        "users/{id}|users/me/*|true",
        "users/{id}|users/*|true",
        "users/{id}|users|false",
        "users/{id}|items/*|false",
        "users/{id}|users/me/x|false",
        "users/{id}/x|users/*|true",
        "{tenant}/orders|acme/*|true",
        "{tenant}/orders|acme/orders|true",
        "{tenant}/orders|acme/invoices|false",
        "{tenant}/orders|acme/orders/7|false",
        "items|*|true",
        "items|items/*|true",
        "items|items|true",
        "items|item|false",
        "items|users/*|false",
        "files/{path: .+}|files/a/b/c|true",
        "files/{path: .+}|files/*|true",
        "files/{path: .+}|images/*|false",
        "spa ce|spa ce|true",
        "spa ce|spa ce/*|true",
        "{a}|users/*|true",
      })
  void mayServe(String template, String item, boolean expected) {
    assertThat(new PathTemplate(template, false).mayServe(item)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} (a locator) serves {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "loc/dyn|loc/dyn/x|true",
        "loc/dyn|loc/*|true",
        "loc/dyn|loc/other|false",
      })
  void aLocatorServesEverythingBelowIt(String template, String item, boolean expected) {
    assertThat(new PathTemplate(template, true).mayServe(item)).isEqualTo(expected);
  }
}
