package dev.tlssim.visualizer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlssim.events.TraceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The handmade result folders under src/test/resources. */
final class Fixtures {
  private Fixtures() {}

  static Path dir(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<TraceRecord> trace(String name) {
    try {
      return TraceFile.read(dir(name).resolve("trace.jsonl"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode summary(String name) {
    try {
      return TraceFile.summary(dir(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FlowView flow(String name) {
    return FlowView.build(trace(name), summary(name)).get(0);
  }

  static PacketPath packet(FlowView v, long id) {
    return v.packets.stream().filter(p -> p.id == id).findFirst().orElseThrow();
  }
}
