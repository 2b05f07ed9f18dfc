package dev.tlssim.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * trace.jsonl, both ways: one JSON object per line, {@code {"t": nanoseconds, "node", "kind",
 * ...the record's components in declaration order}}, null components left out. Identical runs give
 * byte-identical files; reading a file gives back the same records.
 */
public final class TraceJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private TraceJson() {}

  /** Writes the records, one line each. */
  public static void write(Iterable<TraceRecord> trace, OutputStream out) {
    try {
      JsonGenerator g = JSON.getFactory().createGenerator(out);
      g.setRootValueSeparator(null);
      for (TraceRecord r : trace) {
        writeLine(g, r);
        g.flush();
        out.write('\n');
      }
      g.flush();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] toBytes(Iterable<TraceRecord> trace) {
    var out = new java.io.ByteArrayOutputStream();
    write(trace, out);
    return out.toByteArray();
  }

  /** One record as its line (without the newline). */
  public static String line(TraceRecord r) {
    return new String(toBytes(List.of(r)), java.nio.charset.StandardCharsets.UTF_8).strip();
  }

  private static void writeLine(JsonGenerator g, TraceRecord r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("t", r.timeNanos());
    g.writeStringField("node", r.node());
    g.writeStringField("kind", r.event().kind().wireName());
    for (RecordComponent c : r.event().getClass().getRecordComponents()) {
      Object value = value(c, r.event());
      if (value != null) {
        g.writeFieldName(c.getName());
        JSON.writeValue(g, value);
      }
    }
    g.writeEndObject();
  }

  private static Object value(RecordComponent c, RunEvent e) {
    try {
      return c.getAccessor().invoke(e);
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + e.getClass().getName(), ex);
    }
  }

  /** Reads a whole trace.jsonl; blank lines are skipped. */
  public static List<TraceRecord> read(Reader in) throws IOException {
    List<TraceRecord> out = new ArrayList<>();
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    String line;
    int number = 0;
    while ((line = r.readLine()) != null) {
      number++;
      if (!line.isBlank()) {
        try {
          out.add(parse(line));
        } catch (IllegalArgumentException e) {
          throw new IOException("trace line " + number + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** One line back into its record; an unknown kind or a malformed line is an {@link IllegalArgumentException}. */
  public static TraceRecord parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (!(node instanceof ObjectNode o)) {
        throw new IllegalArgumentException("not a JSON object");
      }
      Kind kind = Kind.byName(o.path("kind").asText());
      if (kind == null) {
        throw new IllegalArgumentException("unknown kind '" + o.path("kind").asText() + "'");
      }
      long t = o.path("t").asLong();
      String at = o.path("node").asText();
      o.remove(List.of("t", "node", "kind"));
      return new TraceRecord(t, at, JSON.treeToValue(o, kind.type()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }
}
