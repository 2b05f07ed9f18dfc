package dev.tlssim.net;

import java.util.Map;

/**
 * What a packet carries (a TCP segment). The network only needs its size on the wire and a few
 * fields for the trace; it never looks further inside.
 */
public interface Payload {
  /** Size of the IP packet in bytes (IP header + transport header + data). */
  int wireSize();

  /** Fields for trace records, in a stable order. */
  Map<String, Object> traceFields();
}
