package dev.tlssim.results;

import dev.tlssim.events.TraceJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's folder: scenario.yaml (the effective scenario), summary.json and trace.jsonl.
 * The layout is described in results/README.md.
 */
public final class ResultWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private ResultWriter() {}

  public static void write(RunRecord run, Path dir) {
    try {
      Files.createDirectories(dir);
      YAML.writeValue(dir.resolve("scenario.yaml").toFile(), run.effectiveScenario());
      JSON.writeValue(dir.resolve("summary.json").toFile(), summary(run));
      if (run.recording().keepsTrace()) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("trace.jsonl")))) {
          TraceJson.write(run.trace(), out);
        }
      }
      for (var c : run.captures().entrySet()) {
        Files.write(dir.resolve("capture-" + c.getKey() + ".pcap"), c.getValue());
      }
      List<String> keyLog = run.keyLog();
      if (!keyLog.isEmpty()) {
        // NSS key log format: what Wireshark's tls.keylog_file reads to decrypt the capture.
        Files.write(dir.resolve("keylog.txt"), keyLog);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + dir, e);
    }
  }

  /** The summary.json object. */
  public static Map<String, Object> summary(RunRecord run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", run.scenario());
    m.put("description", run.description());
    m.put("seed", run.seed());
    m.put("outcome", run.passed() ? "pass" : "fail");
    m.put("virtualEndMs", Millis.of(run.endNanos()));
    m.put("events", run.events());
    m.put("stopReason", run.stopReason());
    m.put("recording", run.recording().wireName());
    if (run.failure() != null) {
      m.put("failure", run.failure());
    }
    List<Map<String, Object>> exps = new ArrayList<>();
    for (RunRecord.ExpectationOutcome e : run.expectations()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("text", e.text());
      x.put("held", e.held());
      x.put("actual", e.actual());
      exps.add(x);
    }
    m.put("expectations", exps);
    List<Map<String, Object>> conns = new ArrayList<>();
    run.connections().forEach(c -> conns.add(c.toMap()));
    m.put("connections", conns);
    if (!run.comparisons().isEmpty()) {
      List<Map<String, Object>> comparisons = new ArrayList<>();
      run.comparisons().forEach(c -> comparisons.add(c.toMap()));
      m.put("comparisons", comparisons);
    }
    if (!run.loads().isEmpty()) {
      List<Map<String, Object>> loads = new ArrayList<>();
      run.loads().forEach(l -> loads.add(l.toMap()));
      m.put("loads", loads);
    }
    return m;
  }

  static String ms(BigDecimal v) {
    return v == null ? "-" : v.toPlainString();
  }
}
