package dev.tlssim.visualizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sweep CSVs: '#' comment lines, a header, then rows. Values are plain (axis values such as
 * "50ms" or "1%", numbers, names), so splitting on commas is enough; quoted fields are unquoted.
 */
final class Csv {
  final List<String> header;
  final List<String[]> rows;
  final List<String> comments;

  private Csv(List<String> header, List<String[]> rows, List<String> comments) {
    this.header = header;
    this.rows = rows;
    this.comments = comments;
  }

  static Csv read(Path file) throws IOException {
    List<String> comments = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    List<String> header = null;
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          comments.add(line.substring(1).trim());
        } else if (!line.isBlank()) {
          String[] cells = Arrays.stream(line.split(",", -1)).map(Csv::unquote).toArray(String[]::new);
          if (header == null) {
            header = List.of(cells);
          } else {
            rows.add(cells);
          }
        }
      }
    }
    return new Csv(header == null ? List.of() : header, rows, comments);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  int col(String name) {
    return header.indexOf(name);
  }

  /** The grid's axes: every column before "cell". */
  List<String> axes() {
    int cell = col("cell");
    return cell < 0 ? List.of() : header.subList(0, cell);
  }

  static double number(String s) {
    if (s == null || s.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
