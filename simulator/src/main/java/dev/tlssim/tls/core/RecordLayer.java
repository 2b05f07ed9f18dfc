package dev.tlssim.tls.core;

import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.wire.Alert;
import java.util.Optional;

/**
 * What the endpoint shell needs of a record layer, whatever the version: the next record's
 * content with its content type (RFC 5246 §6.2, RFC 8446 §5), and alerts and application data
 * out. How records are protected is the version's business: TLS 1.2 makes pending states current
 * at ChangeCipherSpec (RFC 5246 §6.1, §7.1), TLS 1.3 changes each direction's traffic keys on its
 * own and hides the content type inside the record (RFC 8446 §5.2). Each version implements this
 * once. Records are read from the shell's {@link dev.tlssim.tls.wire.RecordReader}, so when the
 * ServerHello chooses TLS 1.2 the 1.2 record layer reads on from the very byte the 1.3 one
 * stopped at.
 */
public interface RecordLayer {
  /**
   * The next complete record from the peer with its protection removed, or empty until one has
   * arrived.
   *
   * @throws TlsAlertException for a record the version's rules refuse (bad_record_mac,
   *     record_overflow, protocol_version, unexpected_message ...)
   */
  Optional<TlsPlaintext> next() throws TlsAlertException;

  /** Sends an alert (RFC 5246 §7.2, RFC 8446 §6) under the current write protection. */
  void sendAlert(Alert alert);

  /** Sends application data, split into records as the version's size limit demands. */
  void sendApplicationData(byte[] applicationData);
}
