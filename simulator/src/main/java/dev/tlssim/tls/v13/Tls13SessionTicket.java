package dev.tlssim.tls.v13;

import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.WireReader;
import dev.tlssim.tls.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a TLS 1.3 server needs to resume a session, sealed into the opaque {@code ticket} of a
 * NewSessionTicket (RFC 8446 §4.6.1: the ticket "is used as the PSK identity"): the resumption
 * PSK, the suite it was made with (only a suite with the same hash may use it, §4.2.11), when it
 * was issued and for how long (§4.6.1 lifetime), ticket_age_add, and the server name of the
 * original connection (§4.2.11: the PSK is bound to its SNI), and the ticket's max_early_data_size
 * (§4.2.10: the server accepts 0-RTT only with a PSK whose ticket allowed it, so it must know).
 *
 * <p>The server keeps no state: the ticket is {@code nonce[12] || AES-GCM(state)} under the
 * policy's sealing key. The TLS 1.2 engine's TicketProtector seals an RFC 5077 StatePlaintext
 * with a 48-byte master secret and is package-private to that engine, so it does not fit here;
 * AES-GCM gives the same authenticated sealing in one primitive. Opening never fails loudly: a
 * ticket that does not authenticate or parse is empty, and the server falls back to a full
 * handshake (§4.6.1 lets servers ignore tickets). toString leaves the PSK out.
 */
record Tls13SessionTicket(byte[] psk, Tls13CipherSuite suite, Instant issued, Duration lifetime,
    long ageAdd, String serverName, long maxEarlyDataSize) {
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;

  Tls13SessionTicket {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(issued, "issued");
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(serverName, "serverName");
    psk = psk.clone();
  }

  @Override
  public byte[] psk() {
    return psk.clone();
  }

  /** RFC 8446 §4.6.1: the ticket may not be used once its lifetime from issue has passed. */
  boolean validAt(Instant now) {
    return !now.isBefore(issued) && now.isBefore(issued.plus(lifetime));
  }

  byte[] seal(byte[] key, SecureRandom random) {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    byte[] state = new WireWriter()
        .u16(suite.code())
        .vector8(psk)
        .u32(issued.getEpochSecond() >>> 32).u32(issued.getEpochSecond() & 0xffffffffL)
        .u32(issued.getNano())
        .u32(lifetime.getSeconds())
        .u32(ageAdd)
        .vector16(serverName.getBytes(StandardCharsets.US_ASCII))
        .u32(maxEarlyDataSize)
        .toByteArray();
    try {
      return new WireWriter().bytes(nonce).bytes(cipher(Cipher.ENCRYPT_MODE, key, nonce).doFinal(state)).toByteArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM sealing failed", e);
    }
  }

  static Optional<Tls13SessionTicket> open(byte[] key, byte[] ticket) {
    if (ticket.length < NONCE_LENGTH + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      byte[] nonce = Arrays.copyOf(ticket, NONCE_LENGTH);
      byte[] state = cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(ticket, NONCE_LENGTH, ticket.length - NONCE_LENGTH);
      WireReader r = new WireReader(state);
      Optional<Tls13CipherSuite> suite = Tls13CipherSuite.fromCode(r.u16("ticket.suite"));
      byte[] psk = r.vector8("ticket.psk", 1, 0xff);
      long seconds = (r.u32("ticket.issued") << 32) | r.u32("ticket.issued");
      long nanos = r.u32("ticket.issued");
      long lifetime = r.u32("ticket.lifetime");
      long ageAdd = r.u32("ticket.age_add");
      byte[] serverName = r.vector16("ticket.server_name", 0, 0xffff);
      long maxEarlyDataSize = r.u32("ticket.max_early_data_size");
      r.expectEnd("ticket");
      return suite.map(s -> new Tls13SessionTicket(psk, s, Instant.ofEpochSecond(seconds, nanos),
          Duration.ofSeconds(lifetime), ageAdd, new String(serverName, StandardCharsets.US_ASCII),
          maxEarlyDataSize));
    } catch (GeneralSecurityException | TlsAlertException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tls13SessionTicket t && suite == t.suite && issued.equals(t.issued)
        && lifetime.equals(t.lifetime) && ageAdd == t.ageAdd && serverName.equals(t.serverName)
        && maxEarlyDataSize == t.maxEarlyDataSize && Arrays.equals(psk, t.psk);
  }

  @Override
  public int hashCode() {
    return Objects.hash(suite, issued, lifetime, ageAdd, serverName);
  }

  @Override
  public String toString() {
    return "Tls13SessionTicket[" + suite + ", issued=" + issued + ", lifetime=" + lifetime
        + ", serverName=" + serverName + "]";
  }
}
