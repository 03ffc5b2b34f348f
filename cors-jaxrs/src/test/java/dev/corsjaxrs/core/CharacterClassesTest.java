package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every character from 0 to 255 against the grammar it must follow: RFC 9110 tokens, URL schemes
 * and host names. One loop each, so that no boundary of a character range goes unchecked.
 */
class CharacterClassesTest {

  static boolean alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  @Test
  void tokensAreRfc9110Tchars() {
    for (char c = 0; c < 256; c++) {
      boolean tchar = alpha(c) || digit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      assertThat(HttpSyntax.isToken("x" + c + "y")).as("char %d", (int) c).isEqualTo(tchar);
      assertThat(HttpSyntax.isToken(String.valueOf(c)))
          .as("char %d alone", (int) c)
          .isEqualTo(tchar);
    }
    assertThat(HttpSyntax.isToken("")).isFalse();
  }

  @Test
  void schemesStartWithALetterThenLettersDigitsPlusMinusDot() {
    for (char c = 0; c < 256; c++) {
      boolean first = alpha(c);
      boolean later = alpha(c) || digit(c) || c == '+' || c == '-' || c == '.';
      assertThat(Origin.parse(c + "x://h").isPresent())
          .as("first char %d", (int) c)
          .isEqualTo(first);
      assertThat(Origin.parse("x" + c + "://h").isPresent())
          .as("later char %d", (int) c)
          .isEqualTo(later);
    }
  }

  @Test
  void hostsAreLettersDigitsMinusUnderscoreAndDots() {
    for (char c = 0; c < 256; c++) {
      boolean hostChar = alpha(c) || digit(c) || c == '-' || c == '_';
      if (c == ':' || c == '.') {
        continue;
      }
      assertThat(Origin.parse("https://a" + c + "b").isPresent())
          .as("char %d", (int) c)
          .isEqualTo(hostChar);
    }
    assertThat(Origin.parse("https://a.b")).isPresent();
    assertThat(Origin.parse("https://a..b")).isEmpty();
    assertThat(Origin.parse("https://.a")).isEmpty();
    assertThat(Origin.parse("https://a.")).isPresent();
  }

  @Test
  void ipv6LiteralsAreHexDigitsColonsAndDots() {
    for (char c = 0; c < 256; c++) {
      boolean hex =
          digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
      if (c == ']') {
        continue;
      }
      assertThat(Origin.parse("http://[1" + c + "1]").isPresent())
          .as("char %d", (int) c)
          .isEqualTo(hex);
    }
    assertThat(Origin.parse("http://[1]")).isEmpty();
    assertThat(Origin.parse("http://[::]")).isPresent();
    assertThat(Origin.parse("http://[::1]:8080"))
        .hasValueSatisfying(o -> assertThat(o.port()).isEqualTo(8080));
    assertThat(Origin.parse("http://[::1")).isEmpty();
    assertThat(Origin.parse("http://[::1]x")).isEmpty();
  }

  @Test
  void portsAreOneToFiveDigitsUpTo65535() {
    for (char c = 0; c < 256; c++) {
      assertThat(Origin.parse("http://h:8" + c).isPresent())
          .as("char %d", (int) c)
          .isEqualTo(digit(c));
    }
    assertThat(Origin.parse("http://h:65535")).isPresent();
    assertThat(Origin.parse("http://h:65536")).isEmpty();
    assertThat(Origin.parse("http://h:0")).hasValueSatisfying(o -> assertThat(o.port()).isZero());
    assertThat(Origin.parse("http://h:00080"))
        .hasValueSatisfying(o -> assertThat(o.port()).isEqualTo(-1));
    assertThat(Origin.parse("http://h:000080")).isEmpty();
    assertThat(Origin.parse("http://h:")).isEmpty();
  }

  @Test
  void originsUpToTheMaximumLengthAreAccepted() {
    String prefix = "https://";
    String exact = prefix + "a".repeat(Origin.MAX_LENGTH - prefix.length());
    assertThat(exact).hasSize(Origin.MAX_LENGTH);
    assertThat(Origin.parse(exact)).isPresent();
    assertThat(Origin.parse(exact + "a")).isEmpty();
  }

  @Test
  void printableEscapesControlAndNonAsciiAndCutsAtOneHundred() {
    for (char c = 0; c < 256; c++) {
      boolean plain = c >= 0x20 && c <= 0x7e;
      String shown = HttpSyntax.printable(String.valueOf(c));
      assertThat(shown)
          .as("char %d", (int) c)
          .isEqualTo(
              c == '\\' ? "\\\\" : plain ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    assertThat(HttpSyntax.printable("a".repeat(100))).isEqualTo("a".repeat(100));
    assertThat(HttpSyntax.printable("a".repeat(101))).isEqualTo("a".repeat(100) + "...");
    // the cut counts the printed form (API.md v1.3): 16 escapes of six characters fit in 100
    assertThat(HttpSyntax.printable("\u0001".repeat(30))).hasSize(16 * 6 + 3).endsWith("...");
    assertThat(HttpSyntax.printable("\\u000a"))
        .as("no escape can be forged")
        .isEqualTo("\\\\u000a");
    assertThat(HttpSyntax.printable(null)).isEmpty();
  }
}
