package dev.tlssim.fidelity;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The real-stack side, as checked in under {@value #FOLDER} (written by its derive.py; see its
 * README.md): one {@link Sample} per measured handshake from connections.csv, the statistics of
 * summary.csv, and of retransmissions.csv the pooled rows of the handshake windows' drops. The files are plain CSV (no quoted fields: derive.py writes numbers and identifiers).
 */
public record MeasuredData(Path folder, List<Sample> connections, List<SummaryRow> summary, List<ResendRow> resends) {
  /** Where the measurements live, relative to the project folder. */
  public static final String FOLDER = "scenarios/fidelity/measured";

  /** Reads the measurements under {@code home}; a missing file is an {@link IllegalArgumentException} naming it. */
  public static MeasuredData load(Path home) {
    Path folder = home.resolve(FOLDER).normalize();
    List<Map<String, String>> connections = rows(folder.resolve("connections.csv"));
    List<Map<String, String>> summary = rows(folder.resolve("summary.csv"));
    List<Map<String, String>> resends = rows(folder.resolve("retransmissions.csv"));
    return new MeasuredData(folder, connections.stream().map(MeasuredData::sample).toList(),
        summary.stream().map(MeasuredData::summaryRow).toList(),
        resends.stream().filter(r -> r.get("run").equals("pooled") && ResendRow.COMPARED.contains(r.get("kind")))
            .map(MeasuredData::resendRow).toList());
  }

  private static ResendRow resendRow(Map<String, String> r) {
    Function<String, BigDecimal> number = k -> r.get(k).isEmpty() ? null : new BigDecimal(r.get(k));
    return new ResendRow(Integer.parseInt(r.get("loss_pct")), r.get("kind"), r.get("direction"),
        Integer.parseInt(r.get("n")), number.apply("p25_ms"), number.apply("median_ms"), number.apply("p75_ms"),
        number.apply("p90_ms"));
  }

  private static Sample sample(Map<String, String> r) {
    return new Sample(RunGroup.ofRun(r.get("run")), Integer.parseInt(r.get("rtt_ms")),
        Integer.parseInt(r.get("loss_pct")), r.get("mode"), new BigDecimal(r.get("hs_ms")),
        DropClass.parse(r.get("drop_class")));
  }

  private static SummaryRow summaryRow(Map<String, String> r) {
    Function<String, BigDecimal> number = k -> r.get(k).isEmpty() ? null : new BigDecimal(r.get(k));
    SummaryKey key = new SummaryKey(RunGroup.ofRun(r.get("run_group")), Integer.parseInt(r.get("rtt_ms")),
        Integer.parseInt(r.get("loss_pct")), r.get("mode"), r.get("drop_class"));
    return new SummaryRow(key, new HandshakeStats(Integer.parseInt(r.get("n")), number.apply("median_ms"),
        number.apply("p75_ms"), number.apply("p90_ms"), number.apply("mean_ms"), number.apply("share_ge_1s")));
  }

  /** The summary row of {@code key}, or null when the measurement has none. */
  public SummaryRow row(SummaryKey key) {
    return summary.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
  }

  private static List<Map<String, String>> rows(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the measured data is missing: no file " + file + " (run from the project "
          + "folder, which has " + FOLDER + "/, or regenerate it with " + FOLDER + "/derive.py)");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty, expected a header line");
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != header.size()) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + fields.length + " fields, the header has "
            + header.size());
      }
      out.add(header.stream().collect(Collectors.toMap(h -> h, h -> fields[header.indexOf(h)])));
    }
    return out;
  }
}
