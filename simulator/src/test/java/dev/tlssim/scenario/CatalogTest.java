package dev.tlssim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.sweep.SweepReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog scenario loads, describes itself, and states expectations (the tour runs them).
 * Sweep files share the folder but are not scenarios; the sweep tests read them.
 */
class CatalogTest {
  static Stream<Path> catalog() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("../scenarios"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !SweepReader.isSweep(p)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void loads(Path file) {
    Scenario s = ScenarioLoader.load(file, List.of());
    assertThat(s.description()).as("one-line teaching description").isNotBlank();
    assertThat(s.expectations()).as("a catalog scenario checks something").isNotEmpty();
    assertThat(s.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
  }
}
