package dev.tlssim.party;

import dev.tlssim.tcp.StreamRecord;
import dev.tlssim.tls.wire.RecordDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS records as TCP keeps them for the segments that carry them: content types by their RFC
 * names ("handshake", "application_data"), lengths and messages as the TLS side described them.
 */
final class StreamRecords {
  private StreamRecords() {}

  static List<StreamRecord> of(List<RecordDescriptor> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    List<StreamRecord> out = new ArrayList<>(records.size());
    for (RecordDescriptor r : records) {
      out.add(new StreamRecord(r.type().rfcName(), r.length(), r.messages()));
    }
    return out;
  }
}
