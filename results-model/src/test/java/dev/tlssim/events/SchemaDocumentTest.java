package dev.tlssim.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** results/README.md documents trace.jsonl: its tables must name every kind and field, in order, as the records do. */
class SchemaDocumentTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

  @Test
  void theReadmeListsEveryKindWithItsFieldsInWireOrder() throws IOException {
    Map<String, String> documented = rows();
    Map<String, String> actual = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      actual.put(k.wireName(), fields(k.type()));
    }
    actual.put("tcp", fields(PacketEvent.Segment.class));
    actual.put("sack[]", fields(PacketEvent.SackBlock.class));
    actual.put("carries[]", fields(PacketEvent.Carried.class));
    actual.put("fields[]", fields(TlsChannelEvent.MessageField.class));
    actual.put("keyBlock[]", fields(TlsChannelEvent.KeyPart.class));
    assertThat(documented).containsExactlyEntriesOf(actual);
  }

  private static String fields(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
  }

  /** The first two columns of every table row whose first cell is a code span, in document order. */
  private static Map<String, String> rows() throws IOException {
    String text = Files.readString(Path.of("..", "results", "README.md"));
    String section = text.substring(text.indexOf("## trace.jsonl"));
    section = section.substring(0, section.indexOf("`./tlssim matrix` writes"));
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      out.put(m.group(1), m.group(2).trim());
    }
    return out;
  }
}
