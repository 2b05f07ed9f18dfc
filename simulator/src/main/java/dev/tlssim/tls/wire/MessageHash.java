package dev.tlssim.tls.wire;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The synthetic message_hash handshake message (RFC 8446 §4.4.1). After a HelloRetryRequest the
 * transcript starts not with ClientHello1 but with this message standing in for it:
 *
 * <pre>
 * Transcript-Hash(ClientHello1, HelloRetryRequest, ... Mn) =
 *     Hash(message_hash || 00 00 Hash.length || Hash(ClientHello1) ||
 *          HelloRetryRequest || ... || Mn)
 * </pre>
 *
 * that is, a handshake message of type message_hash(254) whose body is Hash(ClientHello1).
 *
 * It is never sent; {@link #encode()} gives the bytes to feed the transcript in place of
 * ClientHello1, and {@link #decode(WireReader)} reads them back for the inspector.
 */
public record MessageHash(byte[] hash) implements Tls13HandshakeMessage {
  public MessageHash {
    if (hash.length < 1 || hash.length > 0xff) {
      throw new IllegalArgumentException("a hash of 1..255 bytes, got " + hash.length);
    }
    hash = hash.clone();
  }

  /**
   * The message standing for {@code clientHello1}, the first ClientHello handshake message as
   * sent (header included), hashed with {@code suite}'s hash.
   */
  public static MessageHash of(Tls13CipherSuite suite, byte[] clientHello1) {
    try {
      return new MessageHash(MessageDigest.getInstance(suite.hash()).digest(clientHello1));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + suite.hash(), e);
    }
  }

  /** The body, Hash(ClientHello1), as long as the suite's hash. */
  static MessageHash decode(WireReader r) throws TlsAlertException {
    if (r.remaining() < 1 || r.remaining() > 0xff) {
      throw r.alert(AlertDescription.DECODE_ERROR,
          "a hash of 1..255 bytes, got " + r.remaining());
    }
    return new MessageHash(r.rest("hash"));
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.MESSAGE_HASH;
  }

  @Override
  public byte[] encodeBody() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageHash m && Arrays.equals(hash, m.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "MessageHash[" + HexFormat.of().formatHex(hash) + "]";
  }
}
