package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads trace.jsonl (one JSON event per line) and summary.json. */
final class TraceFile {
  static final ObjectMapper JSON = new ObjectMapper();

  private TraceFile() {}

  static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    if (!Files.exists(file)) {
      return events;
    }
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          events.add(JSON.readTree(line));
        }
      }
    }
    return events;
  }

  static JsonNode summary(Path runDir) throws IOException {
    return JSON.readTree(runDir.resolve("summary.json").toFile());
  }

  static String kind(JsonNode e) {
    return e.path("kind").asText();
  }

  static long t(JsonNode e) {
    return e.path("t").asLong();
  }
}
