package dev.corsjaxrs.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VaryTest {

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
    MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
    if (!existing.equals("-")) {
      for (String line : existing.split("\\|")) {
        headers.add("Vary", line);
      }
    }
    CorsResponseFilter.mergeVary(headers, items);
    List<Object> vary = headers.get("Vary");
    assertThat(vary).hasSize(1);
    assertThat(String.join(", ", String.valueOf(vary.get(0)).split(",\\s*"))).isEqualTo(expected);
  }
}
