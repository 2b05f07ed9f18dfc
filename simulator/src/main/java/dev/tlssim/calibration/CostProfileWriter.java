package dev.tlssim.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link CalibrationResult} as a cost profile, the format {@code
 * dev.tlssim.scenario.CostProfiles} reads:
 *
 * <pre>
 * {
 *   "description": "...", "machine": "...", "measuredAt": "...", "method": "...",
 *   "costsNanos": { "rsa2048.sign": 1234567, ... },
 *   "sources": { "rsa2048.sign": "how this value was obtained", ... }
 * }
 * </pre>
 *
 * One value per line, so a profile stays a plain, diffable table.
 */
public final class CostProfileWriter {
  private CostProfileWriter() {}

  /** The profile as JSON, two-space indented, ending with a newline. */
  public static String toJson(CalibrationResult result) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("description", result.description());
    root.put("machine", result.machine());
    root.put("measuredAt", result.measuredAt().toString());
    root.put("method", result.method());
    ObjectNode costs = root.putObject("costsNanos");
    for (Map.Entry<String, Long> e : result.costsNanos().entrySet()) {
      costs.put(e.getKey(), e.getValue().longValue());
    }
    ObjectNode sources = root.putObject("sources");
    for (Map.Entry<String, String> e : result.sources().entrySet()) {
      sources.put(e.getKey(), e.getValue());
    }
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return mapper.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  /** Writes the profile to {@code file}, creating missing parent directories. */
  public static void write(CalibrationResult result, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
  }
}
