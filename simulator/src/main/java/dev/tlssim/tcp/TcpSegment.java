package dev.tlssim.tcp;

import dev.tlssim.net.Payload;
import dev.tlssim.events.PacketEvent;
import dev.tlssim.events.TcpFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP segment (RFC 9293 §3.1). Sequence numbers are kept as unbounded longs inside the model;
 * captures take them modulo 2^32. Options modelled, because they change sizes on the wire and what
 * the peer knows: MSS and SACK-permitted on SYNs, the 12-byte timestamps option (RFC 7323) when
 * enabled, SACK blocks on ACKs (RFC 2018). {@code carries} says which records of the application's
 * stream the data holds, when the sender described them, or is null: only the trace reads it,
 * the peer never does. {@code sack} is null when the segment carries no SACK option. With the
 * timestamps option, {@code tsVal} is the sender's clock (virtual nanoseconds) and {@code tsEcr} the
 * peer's value it echoes (RFC 7323 §3: TS.Recent), or {@link #NO_ECHO} when it has none yet.
 */
public record TcpSegment(
    int sourcePort,
    int destinationPort,
    long seq,
    long ack,
    int flags,
    int window,
    int mssOption,
    boolean timestamps,
    byte[] data,
    List<PacketEvent.Carried> carries,
    boolean sackPermitted,
    List<PacketEvent.SackBlock> sack,
    long tsVal,
    long tsEcr) implements Payload {

  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  /** IPv4 header without options (RFC 791). */
  public static final int IP_HEADER = 20;
  /** TCP header without options (RFC 9293). */
  public static final int TCP_HEADER = 20;
  /** Timestamps option, padded with two NOPs as Linux sends it (RFC 7323 §3). */
  public static final int TIMESTAMPS_OPTION = 12;
  /** MSS option (RFC 9293 §3.7.1). */
  public static final int MSS_OPTION = 4;

  /** SACK-permitted (RFC 2018 §2): 2 bytes, sent as NOP, NOP, kind 4, length 2 without timestamps. */
  public static final int SACK_PERMITTED_OPTION = 4;
  /** At most this many SACK blocks fit next to the timestamps option in 40 bytes of options (RFC 2018 §3). */
  public static final int MAX_SACK_BLOCKS_WITH_TIMESTAMPS = 3;
  /** ... and without it. */
  public static final int MAX_SACK_BLOCKS = 4;

  /** TSecr of a segment that echoes nothing (a SYN): 0 on the wire. */
  public static final long NO_ECHO = -1;

  public TcpSegment {
    data = data == null ? new byte[0] : data;
    carries = carries == null || carries.isEmpty() ? null : List.copyOf(carries);
    sack = sack == null || sack.isEmpty() ? null : List.copyOf(sack);
  }

  /** A segment whose data is not described (or that has none). */
  public TcpSegment(int sourcePort, int destinationPort, long seq, long ack, int flags, int window, int mssOption,
      boolean timestamps, byte[] data) {
    this(sourcePort, destinationPort, seq, ack, flags, window, mssOption, timestamps, data, null);
  }

  /** A segment without SACK options. */
  public TcpSegment(int sourcePort, int destinationPort, long seq, long ack, int flags, int window, int mssOption,
      boolean timestamps, byte[] data, List<PacketEvent.Carried> carries) {
    this(sourcePort, destinationPort, seq, ack, flags, window, mssOption, timestamps, data, carries, false, null);
  }

  /** A segment whose timestamps option, if any, carries no values the peer uses. */
  public TcpSegment(int sourcePort, int destinationPort, long seq, long ack, int flags, int window, int mssOption,
      boolean timestamps, byte[] data, List<PacketEvent.Carried> carries, boolean sackPermitted,
      List<PacketEvent.SackBlock> sack) {
    this(sourcePort, destinationPort, seq, ack, flags, window, mssOption, timestamps, data, carries, sackPermitted,
        sack, 0, NO_ECHO);
  }

  /** The same segment with other bytes (a man in the middle rewriting them). */
  public TcpSegment withData(byte[] replaced) {
    return new TcpSegment(sourcePort, destinationPort, seq, ack, flags, window, mssOption, timestamps, replaced, null,
        sackPermitted, sack, tsVal, tsEcr);
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  public int length() {
    return data.length;
  }

  /** Sequence space the segment occupies: data plus one for SYN and one for FIN. */
  public long sequenceLength() {
    return data.length + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
  }

  /**
   * Bytes of options, laid out as Linux sends them: on a SYN, MSS then SACK-permitted and
   * timestamps sharing 12 bytes (kind 4 takes the place of the two NOPs before kind 8), or
   * SACK-permitted alone padded to 4; SACK blocks as NOP, NOP, kind 5, length, 8 bytes a block.
   */
  public int optionsLength() {
    int options = timestamps ? TIMESTAMPS_OPTION : 0;
    if (has(SYN)) {
      options += MSS_OPTION;
      if (sackPermitted && !timestamps) {
        options += SACK_PERMITTED_OPTION;
      }
    }
    if (sack != null) {
      options += 4 + 8 * sack.size();
    }
    return options;
  }

  @Override
  public int wireSize() {
    return IP_HEADER + TCP_HEADER + optionsLength() + data.length;
  }

  /** The flags set, in header order as tools print them (SYN, FIN, RST, PSH, ACK). */
  public List<TcpFlag> flagList() {
    List<TcpFlag> out = new ArrayList<>(2);
    if (has(SYN)) {
      out.add(TcpFlag.SYN);
    }
    if (has(FIN)) {
      out.add(TcpFlag.FIN);
    }
    if (has(RST)) {
      out.add(TcpFlag.RST);
    }
    if (has(PSH)) {
      out.add(TcpFlag.PSH);
    }
    if (has(ACK)) {
      out.add(TcpFlag.ACK);
    }
    return out;
  }

  @Override
  public PacketEvent.Sent sent(long id, String from, String to) {
    return new PacketEvent.Sent(id, from, to, wireSize(),
        new PacketEvent.Segment(sourcePort, destinationPort, flagList(), seq, ack, data.length, window, carries, sack));
  }
}
