package dev.tlssim.tls.core;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.wire.RecordDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * What the records written to the endpoint's output are, in order, for a host that labels the
 * segments carrying them. Only the sender knows what a protected record holds (RFC 8446 §5.2,
 * RFC 5246 §6.2.3), so the record layers say it as they write. Off until {@link #enable}: a host
 * that records no trace pays nothing for it.
 */
public final class OutgoingRecords {
  private List<RecordDescriptor> written;

  /** From now on every record written is described. */
  public void enable() {
    if (written == null) {
      written = new ArrayList<>();
    }
  }

  /** Whether records are described: callers skip naming what they write when not. */
  public boolean enabled() {
    return written != null;
  }

  /** A record of {@code length} bytes (header included) just went to the output. */
  public void add(ContentType type, int length, List<String> messages) {
    if (written != null) {
      written.add(new RecordDescriptor(type, length, messages));
    }
  }

  /** The records written since the last drain, in output order. */
  public List<RecordDescriptor> drain() {
    if (written == null || written.isEmpty()) {
      return List.of();
    }
    List<RecordDescriptor> out = List.copyOf(written);
    written.clear();
    return out;
  }
}
