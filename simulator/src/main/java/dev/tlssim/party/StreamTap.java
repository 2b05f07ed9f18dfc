package dev.tlssim.party;

import dev.tlssim.tcp.TcpSegment;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.HandshakeLocator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One direction of a TCP flow as seen from the path: reassembles its payload by sequence number
 * (in order only, which is how a passive tap keeps up), locates TLS handshake messages in it, and
 * applies byte edits at stream offsets to the segments that carry them, retransmissions included.
 */
final class StreamTap {
  private final HandshakeLocator locator = new HandshakeLocator();
  private final Map<Long, Integer> edits = new HashMap<>();
  private long firstSeq = -1;
  private long next;

  /** Takes note of a segment passing (its bytes extend the stream when they come in order). */
  void observe(TcpSegment s) {
    if (s.has(TcpSegment.SYN)) {
      firstSeq = s.seq() + 1;
      next = 0;
      return;
    }
    if (firstSeq >= 0 && s.length() > 0 && s.seq() - firstSeq == next) {
      locator.feed(s.data());
      next += s.length();
    }
  }

  /** The segment's payload as it should continue: with the scheduled edits that fall in it. */
  byte[] apply(TcpSegment s) {
    if (firstSeq < 0 || s.length() == 0) {
      return s.data();
    }
    return edited(s.seq() - firstSeq, s.data());
  }

  HandshakeLocator locator() {
    return locator;
  }

  /** Schedules byte {@code streamOffset} to be XORed with {@code mask} wherever it passes. */
  void xor(long streamOffset, int mask) {
    edits.merge(streamOffset, mask, (a, b) -> a ^ b);
  }

  /** Overwrites a 16-bit code at {@code streamOffset} with {@code replacement}. */
  void overwrite16(long streamOffset, int original, int replacement) {
    xor(streamOffset, ((original ^ replacement) >> 8) & 0xff);
    xor(streamOffset + 1, (original ^ replacement) & 0xff);
  }

  /** The stream offset of byte {@code index} of the first {@code type} message, once seen. */
  OptionalLong offsetOf(HandshakeType type, int index) {
    return locator.offsetOf(type, index);
  }

  /** The first ClientHello as the codec decoded it, with its field spans, once seen whole. */
  Optional<Decoded<ClientHello>> clientHello() {
    byte[] m = locator.message(HandshakeType.CLIENT_HELLO);
    return m == null ? Optional.empty() : Codec.clientHello(m);
  }

  /** Whether the stream so far ends inside a TLS record (a ClientHello still on its way, say). */
  boolean midRecord() {
    return locator.midRecord();
  }

  boolean hasEdits(long offset, int length) {
    for (long o : edits.keySet()) {
      if (o >= offset && o < offset + length) {
        return true;
      }
    }
    return false;
  }

  private byte[] edited(long offset, byte[] data) {
    if (!hasEdits(offset, data.length)) {
      return data;
    }
    byte[] copy = data.clone();
    for (var e : edits.entrySet()) {
      long o = e.getKey();
      if (o >= offset && o < offset + data.length) {
        copy[(int) (o - offset)] ^= (byte) (int) e.getValue();
      }
    }
    return copy;
  }
}
