package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spelling of one list of requested header names has one key; anything else is invalid. */
class HeaderListTest {

  @ParameterizedTest(name = "[{0}] -> [{1}] invalid [{2}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "x-a,x-b|x-a,x-b|",
        "X-B, x-a|x-b,x-a|",
        "x-a,x-a,X-A|x-a|",
        "'\tx-a\t,  x-b  '|x-a,x-b|",
        ",,x-a,,|x-a|",
        "''|''|",
        "' , '|''|",
        "x-a;x-b||x-a;x-b",
        "x-a,x b||x b",
        "x-a,Ä||Ä",
        "x-a,é||é",
        "content-type,authorization|content-type,authorization|",
      })
  void keysAreLowerCaseUniqueInTheOrderAsked(String line, String key, String invalid) {
    HeaderList list = HeaderList.parse(List.of(line));
    assertThat(list.key()).isEqualTo(key);
    assertThat(list.invalid()).isEqualTo(invalid);
    if (key != null) {
      assertThat(String.join(",", list.names())).isEqualTo(key);
    }
  }

  @ParameterizedTest(name = "lines [{0}] [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {"x-b|x-a, x-b|x-b,x-a", "x-c|''|x-c", "''|''|''"})
  void severalLinesAreOneList(String first, String second, String key) {
    assertThat(HeaderList.parse(Arrays.asList(first, second)).key()).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} names")
  @CsvSource({"101", "500", "5000"})
  void noCountLimit(int count) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < count; i++) {
      line.append(i == 0 ? "" : ", ").append("X-Header-").append(i);
    }
    HeaderList list = HeaderList.parse(List.of(line.toString()));
    assertThat(list.invalid()).isNull();
    assertThat(list.names()).hasSize(count).allMatch(n -> n.startsWith("x-header-"));
  }
}
