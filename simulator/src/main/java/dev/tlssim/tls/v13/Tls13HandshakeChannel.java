package dev.tlssim.tls.v13;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.crypto.TranscriptHash;
import dev.tlssim.tls.wire.HandshakeMessageName;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.MessageHash;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Where a TLS 1.3 handshake sends its messages and keeps its transcript (RFC 8446 §4.4.1): every
 * message sent or received goes into the transcript exactly as on the wire, header included, and
 * is reported as an event. After a HelloRetryRequest the first ClientHello is replaced by its
 * message_hash stand-in (§4.4.1).
 */
final class Tls13HandshakeChannel {
  private final Tls13RecordLayer records;
  private final EventQueue events;
  private TranscriptHash transcript = new TranscriptHash();

  Tls13HandshakeChannel(Tls13RecordLayer records, EventQueue events) {
    this.records = records;
    this.events = events;
  }

  Tls13RecordLayer records() {
    return records;
  }

  void send(HandshakeMessage message) {
    byte[] encoded = message.encode();
    transcript.add(encoded);
    String name = HandshakeMessageName.of(message);
    records.send(ContentType.HANDSHAKE, encoded, name);
    events.add(new TlsEvent.MessageSent(name, encoded.length, encoded));
  }

  /** The change_cipher_spec of middlebox compatibility mode (RFC 8446 §D.4), not hashed. */
  void sendChangeCipherSpec() {
    records.sendChangeCipherSpec();
    events.add(new TlsEvent.MessageSent(ContentType.CHANGE_CIPHER_SPEC.rfcName(), 1, new byte[] {1}));
  }

  void received(HandshakeFrame frame) {
    transcript.add(frame.raw());
  }

  /**
   * RFC 8446 §4.4.1: when the server answers ClientHello1 with a HelloRetryRequest, "the value of
   * ClientHello1 is replaced with a special synthetic handshake message of handshake type
   * "message_hash" containing Hash(ClientHello1)", so that a stateless server can rebuild the
   * transcript from a cookie. Called with ClientHello1 the only message in the transcript, before
   * the HelloRetryRequest is added; {@code suite} is the HelloRetryRequest's, whose hash both
   * sides use from then on.
   */
  void replaceClientHelloWithMessageHash(Tls13CipherSuite suite) {
    byte[] clientHello1 = transcript.messages();
    transcript = new TranscriptHash();
    transcript.add(MessageHash.of(suite, clientHello1).encode());
  }

  /** Transcript-Hash of every message so far (RFC 8446 §4.4.1) with the suite's hash. */
  byte[] transcriptHash(Tls13CipherSuite suite) {
    return transcript.hash(suite.hash());
  }

  /**
   * Transcript-Hash of every message so far followed by {@code partialClientHello}, the
   * ClientHello truncated before its binders: what a PSK binder covers (RFC 8446 §4.2.11.2,
   * including message_hash and HelloRetryRequest when there was one).
   */
  byte[] transcriptHashWith(Tls13CipherSuite suite, byte[] partialClientHello) {
    TranscriptHash partial = new TranscriptHash();
    byte[] soFar = transcript.messages();
    if (soFar.length > 0) {
      partial.add(soFar);
    }
    partial.add(partialClientHello);
    return partial.hash(suite.hash());
  }

  void cryptoOperation(String name) {
    events.add(new TlsEvent.CryptoOperation(name));
  }

  /**
   * A public-key {@code operation} ("sign", "verify") with {@code key}, under the name the CPU
   * cost profiles price it by ({@link KeyAlgorithm#operationName}), the TLS 1.2 engine's names too,
   * so that the same key costs the same in either version.
   */
  void cryptoOperation(AsymmetricKeyParameter key, String operation) {
    cryptoOperation(KeyAlgorithm.operationName(key, operation));
  }
}
