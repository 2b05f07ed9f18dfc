package dev.tlssim.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile file format, on a synthetic result so no timing is involved. */
class CostProfileWriterTest {
  static CalibrationResult synthetic() {
    List<Measurement> measurements = new ArrayList<>();
    long cost = 1000;
    for (CostOperation op : CostOperation.values()) {
      measurements.add(new Measurement(op, cost, cost - 1, cost + 1, 3));
      cost += 1000;
    }
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("rsa2048.sign", "a figure");
    return new CalibrationResult("test machine, \"quoted\"", "a CPU", Instant.parse("2025-01-02T03:04:05Z"),
        "timed", measurements, CalibrationResult.withoutStackOverhead(), sources);
  }

  @Test
  void hasTheDocumentedFieldsInOrder() throws Exception {
    String json = CostProfileWriter.toJson(synthetic());
    JsonNode root = new ObjectMapper().readTree(json);
    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("description", "machine", "measuredAt", "method", "costsNanos", "sources");
    assertThat(root.get("description").asText()).isEqualTo("test machine, \"quoted\"");
    assertThat(root.get("measuredAt").asText()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(root.at("/sources/rsa2048.sign").asText()).isEqualTo("a figure");
    JsonNode costs = root.get("costsNanos");
    List<String> names = new ArrayList<>();
    costs.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(synthetic().costsNanos().keySet());
    assertThat(costs.get("rsa2048.sign").isIntegralNumber()).isTrue();
    assertThat(costs.get("rsa2048.sign").asLong()).isEqualTo(1000);
    // The synthetic costs are 1000 × the operation's place in CostOperation.
    assertThat(costs.get("prf.finished").asLong()).isEqualTo(1000L * (CostOperation.PRF_FINISHED.ordinal() + 1));
    assertThat(costs.get("app.response").asLong()).isEqualTo(50_000);
  }

  @Test
  void isLaidOutLikeTheShippedProfiles() {
    String json = CostProfileWriter.toJson(synthetic());
    assertThat(json).startsWith("{\n  \"description\": \"test machine, \\\"quoted\\\"\",\n  \"machine\": \"a CPU\",\n");
    assertThat(json).contains("  \"costsNanos\": {\n    \"rsa2048.sign\": 1000,\n");
    assertThat(json).contains("    \"app.response\": 50000,\n    \"stack.client.handshake\": 0,\n");
    assertThat(json).endsWith("  \"sources\": {\n    \"rsa2048.sign\": \"a figure\"\n  }\n}\n");
  }

  @Test
  void writesTheFileCreatingDirectories(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("profiles/here.json");
    CostProfileWriter.write(synthetic(), file);
    assertThat(Files.readString(file)).isEqualTo(CostProfileWriter.toJson(synthetic()));
  }
}
