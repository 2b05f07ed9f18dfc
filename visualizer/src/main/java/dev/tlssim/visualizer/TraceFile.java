package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlssim.events.TraceJson;
import dev.tlssim.events.TraceRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a run's files: trace.jsonl into the typed records of the event vocabulary (through
 * {@link TraceJson}, the one reader of that format), summary.json as a JSON tree.
 */
final class TraceFile {
  /** For summary.json and the inspector data embedded in a page; never for trace events. */
  static final ObjectMapper JSON = new ObjectMapper();

  private TraceFile() {}

  /** The trace's records in file order; none when the run kept no trace. */
  static List<TraceRecord> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Reader r = Files.newBufferedReader(file)) {
      return TraceJson.read(r);
    }
  }

  static JsonNode summary(Path runDir) throws IOException {
    return JSON.readTree(runDir.resolve("summary.json").toFile());
  }
}
