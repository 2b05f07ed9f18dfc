package dev.tlssim.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** matrix.json, matrix.csv and the printed table: rows are attacks, columns are client policies. */
public final class MatrixWriter {
  private MatrixWriter() {}

  public static void write(AttackMatrix.Result m, Path dir) {
    try {
      Files.createDirectories(dir);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("attacks", m.attacks());
      json.put("policies", m.policies());
      List<Map<String, Object>> cells = new ArrayList<>();
      for (MatrixCell c : m.cells()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("attack", c.attack());
        x.put("policy", c.policy());
        x.put("succeeded", c.succeeded());
        x.put("bytesRead", c.bytesRead());
        x.put("replayedRequests", c.replayedRequests());
        x.put("blockedBy", c.blockedBy());
        x.put("alert", c.alert());
        x.put("text", c.text());
        cells.add(x);
      }
      json.put("cells", cells);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("matrix.json").toFile(), json);
      StringBuilder csv = new StringBuilder("attack," + String.join(",", m.policies()) + "\n");
      for (String a : m.attacks()) {
        csv.append(a);
        for (String p : m.policies()) {
          csv.append(",\"").append(m.cell(a, p).text().replace("\"", "\"\"")).append('"');
        }
        csv.append('\n');
      }
      Files.writeString(dir.resolve("matrix.csv"), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void print(AttackMatrix.Result m, PrintWriter out) {
    int first = m.attacks().stream().mapToInt(String::length).max().orElse(6);
    for (String p : m.policies()) {
      out.printf("%n%s%n", p);
      for (String a : m.attacks()) {
        MatrixCell c = m.cell(a, p);
        out.printf("  %-" + first + "s  %s%n", a, c.text());
      }
    }
  }
}
