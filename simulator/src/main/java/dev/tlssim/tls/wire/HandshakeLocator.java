package dev.tlssim.tls.wire;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Follows one direction of a TLS byte stream as an on-path observer sees it, without keys: where
 * each record and each plaintext handshake message lies in the stream. An attacker uses it to
 * find the byte to flip or the field to rewrite in a message that spans records and segments.
 * Parsing stops at ChangeCipherSpec: what follows is encrypted (RFC 5246 §7.1).
 */
public final class HandshakeLocator {
  private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
  private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
  /** For each handshake-record fragment: where it starts in the handshake bytes and in the stream. */
  private final List<long[]> fragments = new ArrayList<>();
  private final List<Message> messages = new ArrayList<>();
  private final List<TlsRecord> protectedRecords = new ArrayList<>();
  private int recordOffset;
  private int handshakeParsed;
  private boolean encrypted;
  private boolean broken;

  /** A plaintext handshake message: its type and where its header starts among the handshake bytes. */
  public record Message(HandshakeType type, long handshakeOffset, int length) {}

  /** Appends the next bytes of the stream (in order). */
  public void feed(byte[] bytes) {
    stream.write(bytes, 0, bytes.length);
    parseRecords();
  }

  public long streamLength() {
    return stream.size();
  }

  /** Everything seen so far, as it crossed the wire: what a recorder would replay. */
  public byte[] streamBytes() {
    return stream.toByteArray();
  }

  /** Alert records in the plaintext part of the stream: (level, description) codes. */
  public List<int[]> plaintextAlerts() {
    List<int[]> out = new ArrayList<>();
    byte[] all = stream.toByteArray();
    int p = 0;
    while (p + 5 <= all.length) {
      int type = all[p] & 0xff;
      int length = ((all[p + 3] & 0xff) << 8) | (all[p + 4] & 0xff);
      if (p + 5 + length > all.length) {
        break;
      }
      if (type == ContentType.ALERT.code() && length == 2) {
        out.add(new int[] {all[p + 5] & 0xff, all[p + 6] & 0xff});
      }
      if (type == ContentType.CHANGE_CIPHER_SPEC.code()) {
        break;
      }
      p += 5 + length;
    }
    return out;
  }

  /**
   * Whether the stream so far ends inside a record: some of its bytes have crossed, its end has
   * not. False once the stream is no TLS this locator can follow.
   */
  public boolean midRecord() {
    return !broken && recordOffset < stream.size();
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  /** The stream offset of byte {@code index} (0 = first header byte) of the first message of {@code type}. */
  public OptionalLong offsetOf(HandshakeType type, int index) {
    for (Message m : messages) {
      if (m.type() == type && index >= 0 && index < m.length() + 4) {
        return streamOffset(m.handshakeOffset() + index);
      }
    }
    return OptionalLong.empty();
  }

  /** The records after ChangeCipherSpec, still protected: what a passive recorder keeps for later. */
  public List<TlsRecord> protectedRecords() {
    return List.copyOf(protectedRecords);
  }

  /** The bytes of the first message of {@code type} (header included), as sent. */
  public byte[] message(HandshakeType type) {
    for (Message m : messages) {
      if (m.type() == type) {
        byte[] all = handshake.toByteArray();
        byte[] out = new byte[m.length() + 4];
        System.arraycopy(all, (int) m.handshakeOffset(), out, 0, out.length);
        return out;
      }
    }
    return null;
  }

  private OptionalLong streamOffset(long handshakeOffset) {
    for (long[] f : fragments) {
      if (handshakeOffset >= f[0] && handshakeOffset < f[0] + f[2]) {
        return OptionalLong.of(f[1] + handshakeOffset - f[0]);
      }
    }
    return OptionalLong.empty();
  }

  private void parseRecords() {
    byte[] all = stream.toByteArray();
    while (!broken && recordOffset + 5 <= all.length) {
      int type = all[recordOffset] & 0xff;
      int length = ((all[recordOffset + 3] & 0xff) << 8) | (all[recordOffset + 4] & 0xff);
      if (recordOffset + 5 + length > all.length) {
        return;
      }
      if (encrypted) {
        var contentType = ContentType.fromCode(type);
        if (contentType.isEmpty()) {
          broken = true;
          return;
        }
        byte[] fragment = new byte[length];
        System.arraycopy(all, recordOffset + 5, fragment, 0, length);
        protectedRecords.add(new TlsRecord(contentType.get(),
            dev.tlssim.tls.ProtocolVersion.fromCode(((all[recordOffset + 1] & 0xff) << 8) | (all[recordOffset + 2] & 0xff)),
            fragment));
      } else if (type == ContentType.HANDSHAKE.code()) {
        fragments.add(new long[] {handshake.size(), recordOffset + 5, length});
        handshake.write(all, recordOffset + 5, length);
        parseMessages();
      } else if (type == ContentType.CHANGE_CIPHER_SPEC.code()) {
        encrypted = true;
      } else if (ContentType.fromCode(type).isEmpty()) {
        broken = true;
      }
      recordOffset += 5 + length;
    }
  }

  private void parseMessages() {
    byte[] hs = handshake.toByteArray();
    while (handshakeParsed + 4 <= hs.length) {
      int length = ((hs[handshakeParsed + 1] & 0xff) << 16) | ((hs[handshakeParsed + 2] & 0xff) << 8)
          | (hs[handshakeParsed + 3] & 0xff);
      if (handshakeParsed + 4 + length > hs.length) {
        return;
      }
      HandshakeType.fromCode(hs[handshakeParsed] & 0xff)
          .ifPresent(t -> messages.add(new Message(t, handshakeParsed, length)));
      handshakeParsed += 4 + length;
    }
  }
}
