package dev.tlssim.tls.crypto;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.util.Memoable;

/**
 * The running record of handshake messages that Finished (RFC 5246 §7.4.9) and the extended
 * master secret's session_hash (RFC 7627 §3) are computed over.
 *
 * <p>"handshake_messages" is every handshake message sent or received, starting at ClientHello
 * and up to but not including this Finished, each with its 4-byte header (type and 24-bit length)
 * and without record-layer headers; HelloRequest and ChangeCipherSpec are excluded. The hash to
 * use is the suite's PRF hash, known only once ServerHello has been processed, so the raw bytes
 * are buffered. Snapshots do not disturb the accumulator, which is what the handshake needs:
 * session_hash after ClientKeyExchange, the client Finished hash, then the server Finished hash
 * over one more message.
 *
 * <p>The first snapshot with a hash algorithm starts a running digest over the buffer; later
 * messages update it and later snapshots finish a copy of it, so no byte is hashed twice (the
 * certificate chain alone is a few kilobytes, and each side takes three snapshots).
 */
public final class TranscriptHash {
  private final ByteArrayOutputStream messages = new ByteArrayOutputStream();
  /** Running digests by hash name; in practice one, the suite's PRF hash. */
  private final Map<String, Digest> running = new HashMap<>(2);

  /** Appends one complete handshake message (header + body) as it appeared on the wire. */
  public void add(byte[] handshakeMessage) {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      addUnmetered(handshakeMessage);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private void addUnmetered(byte[] handshakeMessage) {
    if (handshakeMessage.length < 4) {
      throw new IllegalArgumentException("a handshake message has a 4-byte header; got " + handshakeMessage.length + " bytes");
    }
    messages.write(handshakeMessage, 0, handshakeMessage.length);
    for (Digest d : running.values()) {
      d.update(handshakeMessage, 0, handshakeMessage.length);
    }
  }

  /** Hash of every message added so far, with {@code hash} (e.g. {@code suite.prfHash()}). */
  public byte[] hash(String hash) {
    long start = CryptoCpuMeter.symmetricStart();
    try {
      return hashUnmetered(hash);
    } finally {
      CryptoCpuMeter.symmetricEnd(start);
    }
  }

  private byte[] hashUnmetered(String hash) {
    Digest d = running.get(hash);
    if (d == null) {
      d = HashAlgorithm.create(hash);
      byte[] soFar = messages.toByteArray();
      d.update(soFar, 0, soFar.length);
      running.put(hash, d);
    }
    // Every BouncyCastle digest HashAlgorithm makes (SHA-1, SHA-2) is Memoable: finish a copy, keep the original running.
    Digest snapshot = (Digest) ((Memoable) d).copy();
    byte[] out = new byte[snapshot.getDigestSize()];
    snapshot.doFinal(out, 0);
    return out;
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
