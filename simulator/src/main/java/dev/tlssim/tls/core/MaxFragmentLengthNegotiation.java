package dev.tlssim.tls.core;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import java.util.Optional;

/**
 * The max_fragment_length negotiation of RFC 6066 §4, once for both versions: the client asks in
 * its ClientHello, the server answers in its ServerHello (TLS 1.2) or EncryptedExtensions
 * (TLS 1.3, RFC 8446 §4.2), and the client holds the answer to its request. Where each version
 * carries the extension is the version's business; what may be asked, answered and accepted is
 * decided here.
 */
public final class MaxFragmentLengthNegotiation {
  private MaxFragmentLengthNegotiation() {}

  /** The extension a client configured with {@code request} puts in its ClientHello, if any. */
  public static Optional<MaxFragmentLengthExtension> offer(Optional<MaxFragmentLength> request) {
    return request.map(MaxFragmentLengthExtension::new);
  }

  /**
   * The server's answer to {@code requested}. RFC 6066 §4: "Servers that receive an extended
   * client hello containing a "max_fragment_length" extension MAY accept the requested maximum
   * fragment length by including an extension of type "max_fragment_length" in the (extended)
   * server hello", whose value "is the same as the requested maximum fragment length". A server
   * that accepts (as OpenSSL's and the JDK's do) echoes the request; one that ignores it answers
   * nothing and keeps 2^14. A value outside 1..4 never gets here: the codec refuses it with
   * illegal_parameter, as the RFC's "MUST abort" requires.
   */
  public static Optional<MaxFragmentLength> answer(Optional<MaxFragmentLength> requested, boolean accept) {
    return accept ? requested : Optional.empty();
  }

  /**
   * The client's check of the server's {@code answer} (found in {@code message}) against its own
   * {@code request}; returns the length negotiated. RFC 6066 §4: "if a client receives a maximum
   * fragment length negotiation response that differs from the length it requested, it MUST also
   * abort the handshake with an "illegal_parameter" alert." An answer to no request is an
   * unsolicited extension: RFC 5246 §7.4.1.4 "MUST abort the handshake with an
   * unsupported_extension fatal alert", and RFC 8446 §4.2 the same: "Upon receiving such an
   * extension, an endpoint MUST abort the handshake with an "unsupported_extension" alert."
   */
  public static Optional<MaxFragmentLength> accept(Optional<MaxFragmentLength> request,
      Optional<MaxFragmentLength> answer, String message) throws TlsAlertException {
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    if (request.isEmpty()) {
      throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION, message
          + ": max_fragment_length " + answer.get().rfcName() + " answers no request (RFC 6066 §4, RFC 8446 §4.2)");
    }
    if (answer.get() != request.get()) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, message + ": max_fragment_length "
          + answer.get().rfcName() + " differs from the " + request.get().rfcName() + " requested (RFC 6066 §4)");
    }
    return answer;
  }
}
