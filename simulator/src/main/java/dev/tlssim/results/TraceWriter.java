package dev.tlssim.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlssim.sim.TraceEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes trace.jsonl: one JSON object per line, {@code {"t": nanoseconds, "node", "kind", ...}}
 * with details in their recorded order, so identical runs give byte-identical files.
 */
public final class TraceWriter {
  private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private TraceWriter() {}

  public static void write(List<TraceEvent> trace, OutputStream out) {
    try {
      for (TraceEvent e : trace) {
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.writeStartObject();
        g.writeNumberField("t", e.timeNanos());
        g.writeStringField("node", e.node());
        g.writeStringField("kind", e.kind());
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
          g.writeFieldName(d.getKey());
          JSON.writeValue(g, d.getValue());
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
      }
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public static byte[] toBytes(List<TraceEvent> trace) {
    var out = new java.io.ByteArrayOutputStream();
    write(trace, out);
    return out.toByteArray();
  }
}
