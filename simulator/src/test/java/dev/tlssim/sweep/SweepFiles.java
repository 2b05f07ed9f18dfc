package dev.tlssim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test helper: a sweep file beside a copy of the catalog's ECDHE handshake scenario (base.yaml). */
final class SweepFiles {
  static final Path ECDHE = Path.of("../scenarios/tls12-ecdhe-handshake.yaml");

  private SweepFiles() {}

  static Path write(Path dir, String yaml) {
    try {
      Files.copy(ECDHE, dir.resolve("base.yaml"), StandardCopyOption.REPLACE_EXISTING);
      Path file = dir.resolve("test-sweep.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
