package dev.corsjaxrs.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request paths lose the matrix parameters of every segment, as Jakarta REST matching does. */
class MatrixParametersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "closed|closed",
        "closed;|closed",
        "closed;x=1|closed",
        "closed;/|closed/",
        "closed;%2F|closed",
        "admin;/users/1|admin/users/1",
        "admin;a=1;b=2/users;x/1;|admin/users/1",
        "templ/123;|templ/123",
        "a;b=c%3Bd/e|a/e",
        "''|''",
        ";|''",
      })
  void stripsEachSegment(String path, String expected) {
    assertThat(PathTemplate.withoutMatrixParameters(path)).isEqualTo(expected);
  }
}
