package dev.tlssim.tls.v13;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.core.OutgoingRecords;
import dev.tlssim.tls.core.RecordLayer;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.core.TlsPlaintext;
import dev.tlssim.tls.crypto.Tls13InnerPlaintext;
import dev.tlssim.tls.crypto.Tls13RecordProtection;
import dev.tlssim.tls.crypto.Tls13TrafficKeys;
import dev.tlssim.tls.wire.Alert;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The TLS 1.3 record layer (RFC 8446 §5) of one endpoint: frames outgoing content into records,
 * protected once the handshake has installed traffic keys for that direction (§5.2), and turns
 * incoming records back into content. Each direction changes keys on its own (to handshake, then
 * application traffic keys, §7.3); a change starts a fresh {@link Tls13RecordProtection}, whose
 * sequence number starts at zero (§5.3).
 *
 * <p>A change_cipher_spec record is never protected (§5): it comes out of {@link #next()} as it
 * is, and the endpoint decides whether it is the middlebox-compatibility one to drop (§D.4).
 */
final class Tls13RecordLayer implements RecordLayer {
  private final RecordReader reader;
  private final ByteArrayOutputStream output;
  private final OutgoingRecords outgoing;
  private final EventQueue events;
  private final FragmentLimit limit;
  private Tls13RecordProtection reading;
  private Tls13TrafficKeys readingKeys;
  private Tls13RecordProtection writing;
  private int readKeyChanges;
  /** legacy_record_version of the last record read (RFC 8446 §5.1), for a TLS 1.2 handshake taking over. */
  private ProtocolVersion currentRecordVersion;
  /** Bytes of undecryptable records still to discard as rejected 0-RTT data (RFC 8446 §4.2.10). */
  private long skipBudget;

  Tls13RecordLayer(RecordReader reader, ByteArrayOutputStream output, EventQueue events, FragmentLimit limit) {
    this(reader, output, new OutgoingRecords(), events, limit);
  }

  /** @param outgoing where the records written are described, when the host asked */
  Tls13RecordLayer(RecordReader reader, ByteArrayOutputStream output, OutgoingRecords outgoing, EventQueue events,
      FragmentLimit limit) {
    this.reader = reader;
    this.output = output;
    this.outgoing = outgoing;
    this.events = events;
    this.limit = limit;
  }

  /** The plaintext fragment limit this layer obeys both ways (RFC 6066 §4). */
  FragmentLimit fragmentLimit() {
    return limit;
  }

  /** The legacy_record_version of the record read last. */
  ProtocolVersion currentRecordVersion() {
    return currentRecordVersion;
  }

  /** Protect what is read from now on with {@code keys} (RFC 8446 §7.3). */
  void readWith(Tls13TrafficKeys keys) {
    reading = new Tls13RecordProtection(keys);
    readingKeys = keys;
    readKeyChanges++;
  }

  /**
   * RFC 8446 §4.2.10: a server that rejects 0-RTT data "skip[s] past early data" by trial
   * decryption: records that do not open under the current read keys are discarded, "up to the
   * configured max_early_data_size", until one opens.
   */
  void skipUndecryptable(long maxEarlyDataSize) {
    skipBudget = maxEarlyDataSize;
  }

  /**
   * From now on records go out in plaintext again: the client's second ClientHello after a
   * HelloRetryRequest follows its 0-RTT records but is not protected (RFC 8446 §4.1.2, §5).
   */
  void writePlaintext() {
    writing = null;
  }

  /** Protect what is written from now on with {@code keys} (RFC 8446 §7.3). */
  void writeWith(Tls13TrafficKeys keys) {
    writing = new Tls13RecordProtection(keys);
  }

  /** How many times the read keys changed: lets the caller check §5.1's key-change boundary. */
  int readKeyChanges() {
    return readKeyChanges;
  }

  /**
   * The next record's content, or empty until one is complete.
   *
   * @throws TlsAlertException unexpected_message for a plaintext record other than
   *     change_cipher_spec once keys are in place, or a protected one before (§5, §5.2);
   *     record_overflow for a plaintext fragment over 2^14 bytes (§5.1) or over the negotiated
   *     max_fragment_length (RFC 6066 §4, §6.2: "or some other negotiated limit"); whatever
   *     {@link Tls13RecordProtection#open} raises, bad_record_mac above all
   */
  @Override
  public Optional<TlsPlaintext> next() throws TlsAlertException {
    for (Optional<TlsRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
      currentRecordVersion = next.get().version();
      Optional<Tls13InnerPlaintext> opened = open(next.get());
      if (opened.isPresent()) {
        limit.checkReceived(opened.get().content().length);
        return Optional.of(new TlsPlaintext(opened.get().type(), opened.get().content()));
      }
    }
    return Optional.empty();
  }

  /** The record's content, or empty for a rejected 0-RTT record that is skipped. */
  private Optional<Tls13InnerPlaintext> open(TlsRecord record) throws TlsAlertException {
    if (reading == null && record.type() == ContentType.APPLICATION_DATA && record.length() <= skipBudget) {
      // RFC 8446 §4.2.10: after a HelloRetryRequest the server has no keys for the 0-RTT records
      // that follow the first ClientHello and "ignore[s] any application data records" until the
      // second one, within max_early_data_size like any rejected early data.
      skipBudget -= record.length();
      return Optional.empty();
    }
    if (record.type() == ContentType.CHANGE_CIPHER_SPEC || reading == null) {
      if (reading == null && record.type() == ContentType.APPLICATION_DATA) {
        // Protected records, 0-RTT ones included, only come once the ClientHello that installs
        // their keys has been read (RFC 8446 §2, §2.3).
        throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
            "record: protected record before any traffic keys (RFC 8446 §5)");
      }
      if (record.length() > Tls13InnerPlaintext.MAX_CONTENT_LENGTH) {
        throw new TlsAlertException(AlertDescription.RECORD_OVERFLOW,
            "record: TLSPlaintext of " + record.length() + " bytes exceeds 2^14 (RFC 8446 §5.1)");
      }
      return Optional.of(new Tls13InnerPlaintext(record.type(), record.fragment(), 0));
    }
    if (record.type() != ContentType.APPLICATION_DATA) {
      // RFC 8446 §5: once protection is on, every record but change_cipher_spec is
      // application_data on the outside; §5.2 / Tls13RecordProtection names unexpected_message.
      throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "record: unprotected " + record.type().rfcName() + " record after keys were installed (RFC 8446 §5)");
    }
    if (skipBudget == 0) {
      return Optional.of(reading.open(record.encode()));
    }
    try {
      Optional<Tls13InnerPlaintext> opened = Optional.of(reading.open(record.encode()));
      skipBudget = 0;
      return opened;
    } catch (TlsAlertException e) {
      if (e.alert() != AlertDescription.BAD_RECORD_MAC || record.length() > skipBudget) {
        throw e;
      }
      // A failed open still used up a sequence number; the skipped record was never part of
      // this key's sequence (§5.3), so start the key over at zero.
      skipBudget -= record.length();
      reading = new Tls13RecordProtection(readingKeys);
      return Optional.empty();
    }
  }

  /** RFC 8446 §6: alerts are "encrypted as specified by the current connection state". */
  @Override
  public void sendAlert(Alert alert) {
    send(ContentType.ALERT, alert.encode(), alert.descriptionName());
  }

  /** Application data (RFC 8446 §5.1), reported as one message however many records it takes. */
  @Override
  public void sendApplicationData(byte[] applicationData) {
    send(ContentType.APPLICATION_DATA, applicationData);
    events.add(new TlsEvent.MessageSent(ContentType.APPLICATION_DATA.rfcName(), applicationData.length));
  }

  /**
   * Sends {@code content}, split into fragments of at most 2^14 bytes (RFC 8446 §5.1), or of the
   * negotiated max_fragment_length (RFC 6066 §4).
   */
  void send(ContentType type, byte[] content) {
    send(type, content, null);
  }

  /**
   * Sends {@code content} as {@link #send(ContentType, byte[])} does; {@code message} names what
   * it is (a handshake message, an alert's description), or is null for data, so that each record
   * it takes is described with it.
   */
  void send(ContentType type, byte[] content, String message) {
    List<String> messages = message == null || !outgoing.enabled() ? List.of() : List.of(message);
    int offset = 0;
    do {
      int end = Math.min(content.length, offset + limit.sendLimit());
      byte[] fragment = Arrays.copyOfRange(content, offset, end);
      if (writing == null) {
        // legacy_record_version 0x0303 on every record we send (RFC 8446 §5.1 allows 0x0301 for
        // the first ClientHello only; 0x0303 is always acceptable).
        write(type, new TlsRecord(type, ProtocolVersion.TLS12, fragment).encode(), messages);
      } else {
        write(type, writing.seal(type, fragment), messages);
      }
      offset = end;
    } while (offset < content.length);
  }

  /**
   * The middlebox-compatibility change_cipher_spec (RFC 8446 §D.4): the single byte 0x01, always
   * in a plaintext record, whatever the write keys (§5).
   */
  void sendChangeCipherSpec() {
    write(ContentType.CHANGE_CIPHER_SPEC, new TlsRecord(ContentType.CHANGE_CIPHER_SPEC, ProtocolVersion.TLS12,
        new byte[] {1}).encode(), List.of());
  }

  /**
   * One record to the output, described by its inner type {@code type}: the sender knows what a
   * protected record holds (RFC 8446 §5.2), an observer sees application_data.
   */
  private void write(ContentType type, byte[] record, List<String> messages) {
    output.writeBytes(record);
    outgoing.add(type, record.length, messages);
  }
}
