package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.corsjaxrs.InvalidCorsConfigurationException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cors.allowed-hosts}: which Host values each kind of item lets through. */
class AllowedHostsTest {

  @ParameterizedTest(name = "{0} allows Host {1} over {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "api.example.com          | api.example.com        | https | true",
        "api.example.com          | API.Example.COM:8443   | https | true",
        "api.example.com          | api.example.com.       | https | false",
        "api.example.com          | example.com            | https | false",
        "api.example.com          | api.example.com.evil   | https | false",
        "api.example.com:8080     | api.example.com:8080   | http  | true",
        "api.example.com:8080     | api.example.com:8081   | http  | false",
        "api.example.com:8080     | api.example.com        | http  | false",
        "api.example.com:80       | api.example.com        | http  | true",
        "api.example.com:443      | api.example.com        | https | true",
        "api.example.com:443      | api.example.com        | http  | false",
        "*.example.com            | a.example.com          | https | true",
        "*.example.com            | a.b.example.com:9000   | https | true",
        "*.example.com            | example.com            | https | false",
        "*.example.com            | evilexample.com        | https | false",
        "*.example.com:8443       | a.example.com:8443     | https | true",
        "*.example.com:8443       | a.example.com          | https | false",
        "127.0.0.1                | 127.0.0.1:8080         | http  | true",
        "127.0.0.1                | 127.0.0.2:8080         | http  | false",
        "[::1]                    | [::1]:8080             | http  | true",
        "[::1]:8080               | [::1]:8080             | http  | true",
        "[::1]:8080               | [::1]                  | http  | false",
        "localhost                | localhost:x            | http  | false",
        "localhost                | localhost:99999        | http  | false",
        "localhost                | ''                     | http  | false",
        "localhost                | local host             | http  | false",
        "localhost                | localhost/x            | http  | false",
      })
  void aHostIsAllowedWhereAnItemMatchesItsNameAndPort(
      String item, String host, String scheme, boolean allowed) {
    assertThat(AllowedHosts.compile(List.of(item), "k").allows(List.of(host), scheme))
        .isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({
    "https://api.example.com",
    "api.example.com/x",
    "*",
    "a.*.com",
    "*.[::1]",
    "x:99999",
    "x:",
    "a..b",
    "[::1",
    "api example"
  })
  void anItemThatIsNoHostFailsTheDeploymentNamingValueAndKey(String item) {
    assertThatThrownBy(
            () -> AllowedHosts.compile(List.of("ok.example", item), "cors.allowed-hosts"))
        .isInstanceOf(InvalidCorsConfigurationException.class)
        .hasMessageStartingWith("Invalid CORS host '" + item + "' in cors.allowed-hosts: ");
  }

  @org.junit.jupiter.api.Test
  void anEmptyListAllowsAnyHostAndTwoOrNoHostLinesAreRefusedOtherwise() {
    assertThat(AllowedHosts.compile(List.of(), "k")).isSameAs(AllowedHosts.ANY);
    assertThat(AllowedHosts.ANY.allows(null, "http")).isTrue();
    AllowedHosts one = AllowedHosts.compile(List.of("a.example", "b.example:81"), "k");
    assertThat(one.allows(List.of("a.example", "a.example"), "http")).isFalse();
    assertThat(one.allows(List.of(), "http")).isFalse();
    assertThat(one.allows(null, "http")).isFalse();
    assertThat(one.allows(List.of("b.example:81"), "http")).isTrue();
    assertThat(one.toString()).isEqualTo("[a.example, b.example:81]");
  }
}
