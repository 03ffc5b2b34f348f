package dev.corsjaxrs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fenced code blocks of README.md that a marker comment names ({@code <!-- file: path -->},
 * {@code <!-- recipe: name -->}), so that tests use exactly what a reader copies.
 */
final class Readme {

  /** The repository's root, from the module directory tests run in. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Readme() {}

  /**
   * Every block that follows a marker of the given kind, by the marker's value, in README order.
   *
   * @param kind {@code file} or {@code recipe}
   */
  static Map<String, List<String>> blocks(String kind) {
    List<String> lines;
    try {
      lines = Files.readAllLines(ROOT.resolve("README.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String marker = "<!-- " + kind + ": ";
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith(marker) || !line.endsWith("-->")) {
        continue;
      }
      String name = line.substring(marker.length(), line.length() - 3).strip();
      int start = i + 1;
      if (start >= lines.size() || !lines.get(start).strip().startsWith("```")) {
        throw new AssertionError("README: no code block right after " + line);
      }
      List<String> block = new ArrayList<>();
      int j = start + 1;
      while (j < lines.size() && !lines.get(j).strip().equals("```")) {
        block.add(lines.get(j));
        j++;
      }
      if (blocks.put(name, block) != null) {
        throw new AssertionError("README: two blocks for " + line);
      }
      i = j;
    }
    return blocks;
  }

  /** One recipe block, as text with a final newline. */
  static String recipe(String name) {
    List<String> block = blocks("recipe").get(name);
    if (block == null) {
      throw new AssertionError("README has no <!-- recipe: " + name + " --> block");
    }
    return String.join("\n", block) + "\n";
  }
}
