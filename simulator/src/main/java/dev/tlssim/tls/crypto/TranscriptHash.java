package dev.tlssim.tls.crypto;

import java.io.ByteArrayOutputStream;

/**
 * The running record of handshake messages that Finished (RFC 5246 §7.4.9) and the extended
 * master secret's session_hash (RFC 7627 §3) are computed over.
 *
 * <p>"handshake_messages" is every handshake message sent or received, starting at ClientHello
 * and up to but not including this Finished, each with its 4-byte header (type and 24-bit length)
 * and without record-layer headers; HelloRequest and ChangeCipherSpec are excluded. The hash to
 * use is the suite's PRF hash, known only once ServerHello has been processed, so the raw bytes
 * are buffered and hashed on demand. Snapshots do not disturb the accumulator, which is what the
 * handshake needs: session_hash after ClientKeyExchange, the client Finished hash, then the server
 * Finished hash over one more message.
 */
public final class TranscriptHash {
  private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

  /** Appends one complete handshake message (header + body) as it appeared on the wire. */
  public void add(byte[] handshakeMessage) {
    if (handshakeMessage.length < 4) {
      throw new IllegalArgumentException("a handshake message has a 4-byte header; got " + handshakeMessage.length + " bytes");
    }
    messages.write(handshakeMessage, 0, handshakeMessage.length);
  }

  /** Hash of every message added so far, with {@code hash} (e.g. {@code suite.prfHash()}). */
  public byte[] hash(String hash) {
    return HashAlgorithm.hash(hash, messages.toByteArray());
  }

  /** The concatenated messages so far (a copy), for traces. */
  public byte[] messages() {
    return messages.toByteArray();
  }

  /** Number of bytes accumulated. */
  public int length() {
    return messages.size();
  }
}
