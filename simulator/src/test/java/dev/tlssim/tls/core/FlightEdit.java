package dev.tlssim.tls.core;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.Tls13RecordProtection;
import dev.tlssim.tls.crypto.Tls13TrafficKeys;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.wire.EncryptedExtensions;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.RecordFragmenter;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Test plumbing: a faulty server, or an on-path attacker holding the server's handshake keys,
 * reworking the server's first flight. The handshake messages stay what they were (unless an
 * edit says otherwise); only their framing into records changes. TLS 1.2's first flight is
 * plaintext; TLS 1.3's records after ServerHello are opened and sealed again with the server's
 * handshake traffic keys, sequence numbers counted from zero (RFC 8446 §5.3).
 */
final class FlightEdit {
  private FlightEdit() {}

  /** TLS 1.2: the first record as it was, the rest of the flight's handshake bytes in one record. */
  static byte[] coalesceAfterFirstRecord12(byte[] flight) {
    List<TlsRecord> records = Pipe.records(flight);
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    records.subList(1, records.size()).forEach(r -> rest.writeBytes(r.fragment()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(records.get(0).encode());
    out.writeBytes(new TlsRecord(ContentType.HANDSHAKE, ProtocolVersion.TLS12, rest.toByteArray()).encode());
    return out.toByteArray();
  }

  /** TLS 1.2: the flight with its ServerHello edited, framed again in records of up to 2^14 bytes. */
  static byte[] editServerHello12(byte[] flight, UnaryOperator<ServerHello> edit) throws TlsAlertException {
    HandshakeReassembler reassembler = new HandshakeReassembler();
    Pipe.records(flight).forEach(r -> reassembler.feed(r.fragment()));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    HandshakeFrame first = reassembler.next().orElseThrow();
    stream.writeBytes(edit.apply(ServerHello.decode(first.body())).encode());
    for (var frame = reassembler.next(); frame.isPresent(); frame = reassembler.next()) {
      stream.writeBytes(frame.get().raw());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RecordFragmenter(ProtocolVersion.TLS12).fragment(ContentType.HANDSHAKE, stream.toByteArray())
        .forEach(r -> out.writeBytes(r.encode()));
    return out.toByteArray();
  }

  /**
   * TLS 1.3: the plaintext records (ServerHello, change_cipher_spec) and EncryptedExtensions as
   * they were, the rest of the flight's handshake messages sealed in one record.
   */
  static byte[] coalesceAfterEncryptedExtensions13(byte[] flight, Tls13TrafficKeys serverKeys)
      throws TlsAlertException {
    List<byte[]> contents = openProtected(flight, serverKeys);
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    contents.subList(1, contents.size()).forEach(rest::writeBytes);
    return reseal(flight, serverKeys, List.of(contents.get(0), rest.toByteArray()));
  }

  /** TLS 1.3: the flight with its EncryptedExtensions (the first protected record) edited. */
  static byte[] editEncryptedExtensions13(byte[] flight, Tls13TrafficKeys serverKeys,
      UnaryOperator<EncryptedExtensions> edit) throws TlsAlertException {
    List<byte[]> contents = new ArrayList<>(openProtected(flight, serverKeys));
    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(contents.get(0));
    contents.set(0, edit.apply(EncryptedExtensions.decode(reassembler.next().orElseThrow().body())).encode());
    return reseal(flight, serverKeys, contents);
  }

  private static List<byte[]> openProtected(byte[] flight, Tls13TrafficKeys keys) throws TlsAlertException {
    Tls13RecordProtection protection = new Tls13RecordProtection(keys);
    List<byte[]> contents = new ArrayList<>();
    for (TlsRecord r : Pipe.records(flight)) {
      if (r.type() == ContentType.APPLICATION_DATA) {
        contents.add(protection.open(r.encode()).content());
      }
    }
    return contents;
  }

  private static byte[] reseal(byte[] flight, Tls13TrafficKeys keys, List<byte[]> contents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Pipe.records(flight).stream().filter(r -> r.type() != ContentType.APPLICATION_DATA)
        .forEach(r -> out.writeBytes(r.encode()));
    Tls13RecordProtection protection = new Tls13RecordProtection(keys);
    contents.forEach(c -> out.writeBytes(protection.seal(ContentType.HANDSHAKE, c)));
    return out.toByteArray();
  }
}
