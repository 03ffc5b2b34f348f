package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every file README's quick start shows is, line for line (indentation aside), part of the file of
 * the same name in {@code examples/}, which the build compiles, tests and deploys.
 */
class ReadmeExamplesTest {

  @Test
  void everyQuickStartBlockIsInTheExampleItNames() throws IOException {
    Map<String, List<String>> blocks = Readme.blocks("file");
    assertThat(blocks.keySet())
        .contains(
            "examples/war/pom.xml",
            "examples/war/pom.xml#build",
            "examples/war/src/main/resources/META-INF/microprofile-config.properties",
            "examples/war/src/main/java/com/example/ItemsResource.java",
            "examples/war/src/main/java/com/example/RestApplication.java",
            "examples/jersey-grizzly/pom.xml",
            "examples/jersey-grizzly/src/main/java/com/example/Main.java");
    for (Map.Entry<String, List<String>> block : blocks.entrySet()) {
      String name = block.getKey().replaceFirst("#.*", ""); // path#part: a second block of a file
      Path file = Readme.ROOT.resolve(name);
      assertThat(file).as("README names %s", block.getKey()).isRegularFile();
      List<String> shown = stripped(block.getValue());
      List<String> built = stripped(Files.readAllLines(file));
      assertThat(Collections.indexOfSubList(built, shown))
          .as("README's block for %s, line for line, in that file", block.getKey())
          .isNotNegative();
    }
  }

  @Test
  void theSameResourceAndConfigurationServeBothExamples() throws IOException {
    for (String file :
        List.of(
            "src/main/java/com/example/ItemsResource.java",
            "src/main/resources/META-INF/microprofile-config.properties")) {
      assertThat(Readme.ROOT.resolve("examples/jersey-grizzly").resolve(file))
          .hasSameTextualContentAs(Readme.ROOT.resolve("examples/war").resolve(file));
    }
  }

  private static List<String> stripped(List<String> lines) {
    return lines.stream().map(String::strip).toList();
  }
}
