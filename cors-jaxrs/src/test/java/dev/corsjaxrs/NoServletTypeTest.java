package dev.corsjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Jakarta REST module deploys wherever Jakarta REST runs, Open Liberty with only {@code
 * restfulWS} and {@code mpConfig} included (API.md v1.3): what its jar packs (this module's output
 * directory) names no {@code jakarta.servlet} or {@code jakarta.websocket} type in any class's
 * constant pool, and declares no servlet component. The servlet door is cors-jaxrs-servlet.
 */
class NoServletTypeTest {

  static final Path CLASSES =
      Path.of(CorsFeature.class.getProtectionDomain().getCodeSource().getLocation().getPath());

  @Test
  void noClassReferencesTheServletOrWebSocketApi() throws IOException {
    List<Path> classes;
    try (Stream<Path> files = Files.walk(CLASSES)) {
      classes = files.filter(f -> f.toString().endsWith(".class")).toList();
    }
    assertThat(classes).hasSizeGreaterThan(50);
    for (Path type : classes) {
      // class names in a constant pool are UTF-8 entries: "jakarta/servlet/Filter", descriptors too
      String pool = new String(Files.readAllBytes(type), StandardCharsets.ISO_8859_1);
      assertThat(pool)
          .as("%s", CLASSES.relativize(type))
          .doesNotContain("jakarta/servlet")
          .doesNotContain("jakarta/websocket")
          .doesNotContain("jakarta.servlet")
          .doesNotContain("jakarta.websocket");
    }
  }

  @Test
  void noServletComponentIsDeclared() throws IOException {
    Path services = CLASSES.resolve("META-INF/services");
    try (Stream<Path> files = Files.list(services)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .isNotEmpty()
          .noneMatch(name -> name.startsWith("jakarta.servlet."));
    }
    assertThat(CLASSES.resolve("META-INF/web-fragment.xml")).doesNotExist();
  }
}
