package dev.tlssim.results.capture;

import dev.tlssim.events.PacketEvent;
import dev.tlssim.tcp.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Writes what one observation point saw as a pcap file with nanosecond timestamps (magic
 * 0xa1b23c4d) and Ethernet framing, so Wireshark and tshark dissect every TLS message: synthetic
 * Ethernet, IPv4 (RFC 791) and TCP (RFC 9293) headers with real sequence numbers and correct
 * checksums around the simulated segments. Timestamps are virtual time from the Unix epoch 0 plus
 * {@code epochSeconds}, so captures of the same run are byte-identical.
 */
public final class PcapWriter {
  private static final int LINKTYPE_ETHERNET = 1;

  /** A segment seen at the observation point: when, from which node to which. */
  public record Captured(long timeNanos, String from, String to, TcpSegment segment) {}

  private PcapWriter() {}

  /**
   * @param addresses each node's IPv4 address, last octet first-come (10.0.0.x)
   */
  public static byte[] write(List<Captured> packets, Map<String, Integer> addresses, long epochSeconds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
        .putInt(LINKTYPE_ETHERNET);
    out.writeBytes(header.array());
    for (Captured c : packets) {
      byte[] frame = frame(c, addresses);
      long t = c.timeNanos();
      ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      rec.putInt((int) (epochSeconds + t / 1_000_000_000L)).putInt((int) (t % 1_000_000_000L))
          .putInt(frame.length).putInt(frame.length);
      out.writeBytes(rec.array());
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  static byte[] frame(Captured c, Map<String, Integer> addresses) {
    TcpSegment s = c.segment();
    byte[] options = options(s);
    int tcpLength = 20 + options.length + s.length();
    int ipLength = 20 + tcpLength;
    ByteBuffer b = ByteBuffer.allocate(14 + ipLength).order(ByteOrder.BIG_ENDIAN);
    int src = addresses.get(c.from());
    int dst = addresses.get(c.to());
    b.put(mac(dst)).put(mac(src)).putShort((short) 0x0800);
    int ip = b.position();
    b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0x4000)
        .put((byte) 64).put((byte) 6).putShort((short) 0).put(address(src)).put(address(dst));
    b.putShort(ip + 10, (short) checksum(b.array(), ip, 20, 0));
    int tcp = b.position();
    b.putShort((short) s.sourcePort()).putShort((short) s.destinationPort()).putInt((int) s.seq())
        .putInt((int) s.ack()).put((byte) (((20 + options.length) / 4) << 4)).put((byte) s.flags())
        .putShort((short) Math.min(s.window(), 65535)).putShort((short) 0).putShort((short) 0).put(options)
        .put(s.data());
    long pseudo = sum(address(src)) + sum(address(dst)) + 6 + tcpLength;
    b.putShort(tcp + 16, (short) checksum(b.array(), tcp, tcpLength, pseudo));
    return b.array();
  }

  /**
   * The options as {@link TcpSegment#optionsLength} lays them out: MSS on SYNs; SACK-permitted
   * (kind 4) in place of the NOPs before the timestamps (kind 8), or padded alone; SACK blocks
   * (kind 5) after two NOPs, edges modulo 2^32 like the sequence numbers.
   */
  private static byte[] options(TcpSegment s) {
    ByteBuffer o = ByteBuffer.allocate(s.optionsLength());
    boolean sackPermitted = s.has(TcpSegment.SYN) && s.sackPermitted();
    if (s.has(TcpSegment.SYN)) {
      o.put((byte) 2).put((byte) 4).putShort((short) s.mssOption());
    }
    if (s.timestamps()) {
      if (sackPermitted) {
        o.put((byte) 4).put((byte) 2);
      } else {
        o.put((byte) 1).put((byte) 1);
      }
      // RFC 7323 §3: a 1 ms clock, as Linux's (TCP_TS_HZ = 1000), modulo 2^32.
      o.put((byte) 8).put((byte) 10).putInt((int) (s.tsVal() / 1_000_000L))
          .putInt(s.tsEcr() == TcpSegment.NO_ECHO ? 0 : (int) (s.tsEcr() / 1_000_000L));
    } else if (sackPermitted) {
      o.put((byte) 1).put((byte) 1).put((byte) 4).put((byte) 2);
    }
    if (s.sack() != null) {
      o.put((byte) 1).put((byte) 1).put((byte) 5).put((byte) (2 + 8 * s.sack().size()));
      for (PacketEvent.SackBlock b : s.sack()) {
        o.putInt((int) b.left()).putInt((int) b.right());
      }
    }
    return o.array();
  }

  private static byte[] mac(int node) {
    return new byte[] {0x02, 0, 0, 0, 0, (byte) node};
  }

  private static byte[] address(int node) {
    return new byte[] {10, 0, 0, (byte) node};
  }

  private static long sum(byte[] b) {
    long s = 0;
    for (int i = 0; i + 1 < b.length; i += 2) {
      s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
    return s;
  }

  /** The Internet checksum (RFC 1071) over {@code length} bytes from {@code offset}, plus {@code initial}. */
  static int checksum(byte[] data, int offset, int length, long initial) {
    long sum = initial;
    for (int i = 0; i < length; i += 2) {
      int hi = data[offset + i] & 0xff;
      int lo = i + 1 < length ? data[offset + i + 1] & 0xff : 0;
      sum += (hi << 8) | lo;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }
}
