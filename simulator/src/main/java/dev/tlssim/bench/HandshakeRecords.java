package dev.tlssim.bench;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.TlsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plaintext handshake messages one side of a connection sent, read from its raw bytes up to
 * its ChangeCipherSpec (after it the records are encrypted; a TLS 1.3 server's only plaintext
 * message is its ServerHello). The bench uses it to see what the JDK's engines really did: JDK 17
 * has no API telling the group, or whether and how a session was resumed. Records and messages
 * are read by the simulator's own record layer and reassembler (RFC 5246 §6.2.1: messages may span
 * records and records may hold several messages).
 */
final class HandshakeRecords {
  private HandshakeRecords() {}

  static List<HandshakeFrame> beforeChangeCipherSpec(byte[] sent) {
    RecordReader records = new RecordReader();
    records.feed(sent);
    HandshakeReassembler handshake = new HandshakeReassembler();
    List<HandshakeFrame> messages = new ArrayList<>();
    try {
      for (Optional<TlsRecord> r = records.next(); r.isPresent(); r = records.next()) {
        if (r.get().type() == ContentType.CHANGE_CIPHER_SPEC) {
          break;
        }
        if (r.get().type() == ContentType.HANDSHAKE) {
          handshake.feed(r.get().fragment());
          for (Optional<HandshakeFrame> m = handshake.next(); m.isPresent(); m = handshake.next()) {
            messages.add(m.get());
          }
        }
      }
    } catch (TlsAlertException e) {
      throw new IllegalArgumentException("the bytes sent are not TLS records: " + e.getMessage(), e);
    }
    return List.copyOf(messages);
  }
}
