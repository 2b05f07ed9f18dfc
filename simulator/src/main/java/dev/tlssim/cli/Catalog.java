package dev.tlssim.cli;

import dev.tlssim.sweep.SweepReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenario catalog: every *.yaml under scenarios/, in a stable order, except sweep files
 * (a top-level sweep: key), which are run with ./tlssim sweep rather than toured.
 */
final class Catalog {
  private Catalog() {}

  static List<Path> scenarios(Path home) {
    Path dir = home.resolve("scenarios");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !SweepReader.isSweep(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
