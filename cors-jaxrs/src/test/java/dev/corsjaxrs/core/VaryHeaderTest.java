package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vary merging, as every door gets it from the protocol: one line, each item once, * kept. */
class VaryHeaderTest {

  /** the application's Vary lines (|-separated, - for none), the items added, the result. */
  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "-; Origin; Origin",
        "Accept; Origin; Accept, Origin",
        "Accept|Accept-Encoding; Origin; Accept, Accept-Encoding, Origin",
        "accept, origin; Origin; accept, origin",
        "*; Origin; *",
        "Accept, *; Origin; Accept, *",
        "-; Origin, Access-Control-Request-Method; Origin, Access-Control-Request-Method",
        " , Accept ,; Origin; Accept, Origin",
      })
  void mergesIntoOneLineWithoutRepeats(String existing, String items, String expected) {
    List<String> lines = existing.equals("-") ? List.of() : List.of(existing.split("\\|"));
    String merged = VaryHeader.merge(lines, items);
    String line = merged == null ? String.join(", ", lines) : merged;
    assertThat(String.join(", ", line.split(",\\s*"))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void withoutVaryLinesThePolicysItemsAreTheLineAndEmptyItemsAreDropped() {
    assertThat(VaryHeader.merge(null, "Origin, Access-Control-Request-Method"))
        .isEqualTo("Origin, Access-Control-Request-Method");
    assertThat(VaryHeader.merge(java.util.List.of(), "Origin")).isEqualTo("Origin");
    assertThat(VaryHeader.merge(java.util.List.of(" , Accept,, "), "Origin"))
        .isEqualTo("Accept, Origin");
    assertThat(VaryHeader.merge(java.util.List.of("origin"), "Origin, X")).isEqualTo("origin, X");
  }
}
