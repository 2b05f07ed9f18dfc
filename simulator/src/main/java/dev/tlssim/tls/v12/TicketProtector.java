package dev.tlssim.tls.v12;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.MasterSecret;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.WireReader;
import dev.tlssim.tls.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Seals a session into a ticket and opens it again, in the format RFC 5077 §4 recommends:
 *
 * <pre>
 * struct {
 *   opaque key_name[16];
 *   opaque iv[16];
 *   opaque encrypted_state&lt;0..2^16-1&gt;;
 *   opaque mac[32];
 * } ticket;
 * </pre>
 *
 * encrypted_state is the session state under AES-128-CBC (PKCS#7 padding), and mac is
 * HMAC-SHA-256 over key_name, iv, and encrypted_state with its 2-byte length, i.e. every byte
 * before it. The state is RFC 5077 §4's StatePlaintext (protocol_version, cipher_suite,
 * compression_method, master_secret, client_identity anonymous, timestamp) with the timestamp
 * widened to uint64 seconds, followed by what a resumption must also check: the RFC 7627
 * extended-master-secret flag and the server_name the session was made for (RFC 6066 §3), which
 * RFC 5077 §4 lets an implementation add.
 *
 * <p>Opening never fails loudly: a ticket of the wrong shape, an unknown or retired key, a bad
 * MAC, bad padding or an expired timestamp all yield empty, so that the server falls back to a
 * full handshake (RFC 5077 §3.4). The MAC is checked before anything is decrypted.
 */
final class TicketProtector {
  static final int IV_LENGTH = 16;
  static final int MAC_LENGTH = 32;
  private static final int CLIENT_IDENTITY_ANONYMOUS = 0;

  /** An opened ticket: the session it carries and the key it was sealed under. */
  record Opened(SessionParameters session, TicketKey key) {}

  private TicketProtector() {}

  /** Seals {@code session}, issued at {@code now}, under the current key. */
  static byte[] seal(SessionParameters session, Instant now, TicketKeys keys,
      SecureRandom random) {
    TicketKey key = keys.current(now);
    byte[] iv = new byte[IV_LENGTH];
    random.nextBytes(iv);
    byte[] encrypted;
    try {
      encrypted = cipher(true, key, iv, statePlaintext(session, now));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("AES-CBC encryption with padding cannot fail", e);
    }
    byte[] authenticated = new WireWriter()
        .bytes(key.keyName()).bytes(iv).vector16(encrypted).toByteArray();
    return new WireWriter().bytes(authenticated).bytes(mac(key, authenticated)).toByteArray();
  }

  /**
   * The session in {@code ticket} if it authenticates under a key still accepted at {@code now}
   * and is younger than the ticket lifetime. {@code sessionId} becomes the opened session's id:
   * RFC 5077 §3.4 has the server echo the ClientHello's session_id when it accepts a ticket.
   */
  static Optional<Opened> open(byte[] ticket, byte[] sessionId, Instant now, TicketKeys keys) {
    int minimum = TicketKey.KEY_NAME_LENGTH + IV_LENGTH + 2 + MAC_LENGTH;
    if (ticket.length < minimum) {
      return Optional.empty();
    }
    byte[] authenticated = Arrays.copyOfRange(ticket, 0, ticket.length - MAC_LENGTH);
    byte[] receivedMac = Arrays.copyOfRange(ticket, ticket.length - MAC_LENGTH, ticket.length);
    Optional<TicketKey> key = keys.accepting(
        Arrays.copyOfRange(ticket, 0, TicketKey.KEY_NAME_LENGTH), now);
    if (key.isEmpty() || !MessageDigest.isEqual(mac(key.get(), authenticated), receivedMac)) {
      return Optional.empty();
    }
    try {
      WireReader r = new WireReader(authenticated);
      r.bytes(TicketKey.KEY_NAME_LENGTH, "ticket.key_name");
      byte[] iv = r.bytes(IV_LENGTH, "ticket.iv");
      byte[] encrypted = r.vector16("ticket.encrypted_state", 0, 0xffff);
      r.expectEnd("ticket");
      return parseState(cipher(false, key.get(), iv, encrypted), sessionId, now, keys)
          .map(session -> new Opened(session, key.get()));
    } catch (TlsAlertException | InvalidCipherTextException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] statePlaintext(SessionParameters s, Instant issued) {
    byte[] serverName = s.serverName() == null
        ? new byte[0] : s.serverName().getBytes(StandardCharsets.US_ASCII);
    WireWriter w = new WireWriter()
        .u8(s.version().major()).u8(s.version().minor())
        .u16(s.suite().code())
        .u8(ClientHello.COMPRESSION_NULL)
        .bytes(s.masterSecret())
        .u8(CLIENT_IDENTITY_ANONYMOUS)
        .u32(issued.getEpochSecond() >>> 32).u32(issued.getEpochSecond() & 0xffffffffL)
        .u8(s.extendedMasterSecret() ? 1 : 0)
        .vector16(serverName);
    return w.toByteArray();
  }

  private static Optional<SessionParameters> parseState(byte[] plaintext, byte[] sessionId,
      Instant now, TicketKeys keys) throws TlsAlertException {
    WireReader r = new WireReader(plaintext);
    ProtocolVersion version = new ProtocolVersion(r.u8("state.version"), r.u8("state.version"));
    Optional<CipherSuite> suite = CipherSuite.fromCode(r.u16("state.cipher_suite"));
    int compression = r.u8("state.compression_method");
    byte[] masterSecret = r.bytes(MasterSecret.LENGTH, "state.master_secret");
    int clientIdentity = r.u8("state.client_identity");
    long issuedSeconds = (r.u32("state.timestamp") << 32) | r.u32("state.timestamp");
    int ems = r.u8("state.extended_master_secret");
    byte[] serverName = r.vector16("state.server_name", 0, 0xffff);
    r.expectEnd("state");
    Instant issued = Instant.ofEpochSecond(issuedSeconds);
    boolean expired = !now.isBefore(issued.plus(keys.ticketLifetime()));
    if (suite.isEmpty() || compression != ClientHello.COMPRESSION_NULL
        || clientIdentity != CLIENT_IDENTITY_ANONYMOUS || ems > 1 || expired) {
      return Optional.empty();
    }
    return Optional.of(new SessionParameters(version, suite.get(), masterSecret, ems == 1,
        sessionId, List.of(),
        serverName.length == 0 ? null : new String(serverName, StandardCharsets.US_ASCII)));
  }

  private static byte[] cipher(boolean encrypt, TicketKey key, byte[] iv, byte[] input)
      throws InvalidCipherTextException {
    BufferedBlockCipher cipher =
        new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
    cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key.encryptionKey()), iv));
    byte[] out = new byte[cipher.getOutputSize(input.length)];
    int n = cipher.processBytes(input, 0, input.length, out, 0);
    n += cipher.doFinal(out, n);
    return Arrays.copyOf(out, n);
  }

  private static byte[] mac(TicketKey key, byte[] data) {
    HMac hmac = new HMac(new SHA256Digest());
    hmac.init(new KeyParameter(key.macKey()));
    hmac.update(data, 0, data.length);
    byte[] out = new byte[MAC_LENGTH];
    hmac.doFinal(out, 0);
    return out;
  }
}
