package dev.tlssim.events;

import java.util.List;

/** What the network did with a packet. The kernel emits these; {@link Sent} once per new packet. */
public sealed interface PacketEvent extends RunEvent {
  long id();

  /**
   * A new packet left {@code node} (its source may differ: a man in the middle answering in the
   * server's name). {@code size} is the IP packet's length, headers included.
   */
  record Sent(long id, String from, String to, int size, Segment tcp) implements PacketEvent {}

  /** The packet reached the next node on its route. */
  record Arrived(long id, String link) implements PacketEvent {}

  /** The packet was lost on {@code link}. */
  record Dropped(long id, String link, DropReason reason) implements PacketEvent {}

  /** The link delivers this packet twice (netem's duplicate). */
  record Duplicated(long id, String link) implements PacketEvent {}

  /**
   * One SACK block (RFC 2018 §3): the receiver holds the bytes from {@code left} up to, not
   * including, {@code right}, above a hole.
   */
  record SackBlock(long left, long right) {
    public SackBlock {
      if (right <= left) {
        throw new IllegalArgumentException("a SACK block holds at least one byte: " + left + ".." + right);
      }
    }
  }

  /** The TCP header of a packet, and which TLS records its payload carries (when the sender knows). */
  record Segment(int sport, int dport, List<TcpFlag> flags, long seq, long ack, int len, int win,
      List<Carried> carries, List<SackBlock> sack) {
    public Segment {
      flags = List.copyOf(flags);
      carries = carries == null || carries.isEmpty() ? null : List.copyOf(carries);
      sack = sack == null || sack.isEmpty() ? null : List.copyOf(sack);
    }

    public boolean has(TcpFlag flag) {
      return flags.contains(flag);
    }
  }

  /**
   * A piece of a TLS record inside a segment's payload: bytes {@code [offset, offset + length)}
   * of the payload belong to the record that starts {@code recordOffset} bytes before them (0:
   * the record starts in this segment), whose content type is {@code content} and which holds
   * {@code messages} (handshake message names as the RFC names them; the sender knows them even
   * when the record is encrypted). {@code recordLength} includes the record's 5-byte header. An
   * alert record names its description ("close_notify"); change_cipher_spec and application data
   * records name nothing, nor do protected records of a sender known only by its bytes.
   */
  record Carried(int offset, int length, int recordOffset, int recordLength, String content, List<String> messages) {
    public Carried {
      messages = List.copyOf(messages);
    }

    /** Whether the record's last byte is in this segment. */
    public boolean endsRecord() {
      return recordOffset + length == recordLength;
    }
  }

  /** Why a packet was lost. */
  enum DropReason implements WireName {
    LOSS("loss"), DROP_LIST("drop-list"), QUEUE("queue"), CORRUPT("corrupt"), MTU("mtu"), NO_ROUTE("no-route"),
    NO_HOST("no-host");

    private final String wire;

    DropReason(String wire) {
      this.wire = wire;
    }

    @Override
    public String wireName() {
      return wire;
    }
  }
}
