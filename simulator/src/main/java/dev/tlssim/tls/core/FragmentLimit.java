package dev.tlssim.tls.core;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.TlsRecord;
import java.util.Optional;

/**
 * The largest plaintext fragment one connection sends and accepts: 2^14 (RFC 5246 §6.2.1, RFC
 * 8446 §5.1) until a max_fragment_length has been negotiated (RFC 6066 §4), then that length.
 * The {@link EndpointContext} holds one per connection and both versions' record layers read it,
 * so a TLS 1.2 handshake taken over from a TLS 1.3 one keeps it. The handshake says when the
 * negotiated length starts to bind each direction: a TLS 1.3 server decides at the ClientHello
 * but its client's 0-RTT records were sent before the client could know (RFC 8446 §2.3).
 */
public final class FragmentLimit {
  private MaxFragmentLength negotiated;
  private boolean sending;
  private boolean receiving;

  /** The length both sides agreed on, if any. */
  public Optional<MaxFragmentLength> negotiated() {
    return Optional.ofNullable(negotiated);
  }

  /** Records the outcome of the hellos; nothing binds until {@link #limitSending}/{@link #limitReceiving}. */
  public void negotiate(Optional<MaxFragmentLength> length) {
    negotiated = length.orElse(null);
  }

  /**
   * RFC 6066 §4: "Once a maximum fragment length other than 2^14 has been successfully
   * negotiated, the client and server MUST immediately begin fragmenting messages (including
   * handshake messages) to ensure that no fragment larger than the negotiated length is sent."
   */
  public void limitSending() {
    sending = negotiated != null;
  }

  /** From the next record on, a plaintext fragment over the negotiated length is refused. */
  public void limitReceiving() {
    receiving = negotiated != null;
  }

  /** The most plaintext bytes one record we send may carry. */
  public int sendLimit() {
    return sending ? negotiated.bytes() : TlsRecord.MAX_PLAINTEXT_LENGTH;
  }

  /**
   * Refuses a received plaintext fragment of {@code length} bytes over the negotiated length:
   * RFC 8446 §6.2 record_overflow, "a record decrypted to a TLSPlaintext record with more than
   * 2^14 bytes (or some other negotiated limit)"; RFC 5246 §7.2.2 names the same alert for
   * TLS 1.2.
   */
  public void checkReceived(int length) throws TlsAlertException {
    if (receiving && length > negotiated.bytes()) {
      throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW, "record: plaintext fragment of " + length
          + " bytes exceeds the negotiated max_fragment_length " + negotiated.rfcName() + ", "
          + negotiated.bytes() + " bytes (RFC 6066 §4)");
    }
  }
}
