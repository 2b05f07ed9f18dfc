package dev.tlssim.cli;

import dev.tlssim.events.TraceRecord;
import dev.tlssim.events.TlsChannelEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.scenario.RunResult;
import dev.tlssim.scenario.Scenario;
import dev.tlssim.scenario.ScenarioLoader;
import dev.tlssim.scenario.ScenarioRunner;
import dev.tlssim.tls.wire.Field;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole catalog, as the tour runs it: every TLS message any scenario traces with its bytes is
 * annotated by the codec field by field, the fields cover the message exactly (each byte in one
 * field, in wire order), none is undecodable, and no report shows an undecodable field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAnnotationTest {
  private final List<RunResult> runs = new ArrayList<>();

  @BeforeAll
  void runCatalog() {
    List<Path> files = Catalog.scenarios(Path.of(".."));
    assertThat(files).hasSizeGreaterThan(30);
    try (ScenarioRunner runner = new ScenarioRunner()) {
      List<CompletableFuture<RunResult>> futures = new ArrayList<>();
      for (Path f : files) {
        Scenario s = ScenarioLoader.load(f, List.of());
        futures.add(runner.start(s));
      }
      futures.forEach(f -> runs.add(f.join()));
    }
  }

  @AfterAll
  void forget() {
    runs.clear();
  }

  @Test
  void everyTracedMessageIsCoveredExactlyByDecodedFields() {
    List<String> problems = new ArrayList<>();
    int messages = 0;
    int tls13 = 0;
    for (RunResult run : runs) {
      for (TraceRecord r : run.trace()) {
        if (!(r.event() instanceof TlsChannelEvent.Message e) || e.hex() == null) {
          continue;
        }
        messages++;
        String where = run.scenario().name() + " " + e.flow() + " " + e.dir().wireName() + " " + e.name();
        int length = e.hex().length() / 2;
        List<Field> fields = fields(e);
        if (fields.stream().anyMatch(f -> f.name().equals("supported_versions")
            || f.value().startsWith("TLS 1.3"))) {
          tls13++;
        }
        problems.addAll(coverage(where, fields, length));
      }
    }
    assertThat(problems).isEmpty();
    // The catalog has both versions and every kind of message; the check saw them.
    assertThat(messages).isGreaterThan(1000);
    assertThat(tls13).isGreaterThan(50);
  }

  @Test
  void noReportShowsAnUndecodableField(@TempDir Path out) throws IOException {
    List<String> offending = new ArrayList<>();
    int inspected = 0;
    for (RunResult run : runs) {
      Path dir = RunOutput.write(run.record(), out.resolve(run.scenario().name()), false);
      String html = Files.readString(dir.resolve("report.html"));
      if (run.trace().stream().anyMatch(r -> r.event() instanceof TlsChannelEvent.Message m && m.hex() != null)) {
        inspected++;
        assertThat(html).as(run.scenario().name() + " has an inspector").contains("client_hello");
      }
      if (html.contains(Field.UNDECODABLE)) {
        offending.add(run.scenario().name());
      }
    }
    assertThat(offending).isEmpty();
    assertThat(inspected).isGreaterThan(20);
  }

  /** Why the fields do not tile {@code [0, length)} exactly, or nothing. */
  static List<String> coverage(String where, List<Field> fields, int length) {
    List<String> problems = new ArrayList<>();
    int at = 0;
    for (Field f : fields) {
      if (f.name().equals(Field.UNDECODABLE)) {
        problems.add(where + ": " + f);
      }
      if (f.offset() != at) {
        problems.add(where + ": " + f.name() + " at " + f.offset() + ", expected " + at
            + (f.offset() < at ? " (overlap)" : " (gap)"));
      }
      at = f.offset() + f.length();
    }
    if (at != length) {
      problems.add(where + ": fields end at " + at + " of " + length + " bytes");
    }
    return problems;
  }

  private static List<Field> fields(TlsChannelEvent.Message e) {
    List<Field> out = new ArrayList<>();
    for (TlsChannelEvent.MessageField m : e.fields()) {
      out.add(new Field(m.name(), m.offset(), m.length(), m.value()));
    }
    return out;
  }
}
