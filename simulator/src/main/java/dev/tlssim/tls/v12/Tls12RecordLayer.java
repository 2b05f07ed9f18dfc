package dev.tlssim.tls.v12;

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
import dev.tlssim.tls.crypto.NullRecordProtection;
import dev.tlssim.tls.crypto.RecordProtection;
import dev.tlssim.tls.wire.Alert;
import dev.tlssim.tls.wire.ChangeCipherSpec;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.HandshakeMessageName;
import dev.tlssim.tls.wire.RecordFragmenter;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.TlsRecord;
import dev.tlssim.tls.wire.WireWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record layer of RFC 5246 §6: splits the byte stream into records, checks their version,
 * protects and unprotects them with the current read and write states, and holds the pending
 * states that ChangeCipherSpec makes current (§7.1). Everything written goes to the endpoint's
 * output buffer, in fragments no longer than the connection's {@link FragmentLimit}.
 */
final class Tls12RecordLayer implements RecordLayer {
  private final RecordReader reader;
  private final ByteArrayOutputStream output;
  private final OutgoingRecords outgoing;
  private final EventQueue events;
  private final FragmentLimit limit;

  private RecordProtection readState = new NullRecordProtection();
  private RecordProtection writeState = new NullRecordProtection();
  private RecordProtection pendingRead;
  private RecordProtection pendingWrite;
  /** Version stamped on outgoing records; the negotiated one once known. */
  private ProtocolVersion recordVersion;
  /** Version of the record being processed, checked against ServerHello (RFC 5246 §6.2.1). */
  private ProtocolVersion currentRecordVersion;
  private ProtocolVersion negotiatedVersion;

  Tls12RecordLayer(RecordReader reader, ByteArrayOutputStream output, EventQueue events, FragmentLimit limit,
      ProtocolVersion initialVersion) {
    this(reader, output, new OutgoingRecords(), events, limit, initialVersion);
  }

  /** @param outgoing where the records written are described, when the host asked */
  Tls12RecordLayer(RecordReader reader, ByteArrayOutputStream output, OutgoingRecords outgoing, EventQueue events,
      FragmentLimit limit, ProtocolVersion initialVersion) {
    this.reader = reader;
    this.output = output;
    this.outgoing = outgoing;
    this.events = events;
    this.limit = limit;
    this.recordVersion = initialVersion;
  }

  /**
   * The next complete record from the peer, if one has arrived: its version checked and the
   * current read state's protection removed.
   */
  @Override
  public Optional<TlsPlaintext> next() throws TlsAlertException {
    Optional<TlsRecord> next = reader.next();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    TlsRecord record = next.get();
    checkRecordVersion(record.version());
    currentRecordVersion = record.version();
    byte[] plaintext = readState.open(record.type(), record.version(), record.fragment());
    limit.checkReceived(plaintext.length);
    return Optional.of(new TlsPlaintext(record.type(), plaintext));
  }

  /**
   * The record that carried the hello a TLS 1.3 handshake read before handing over: its version
   * is checked as if this layer had read it, and the ServerHello is held to it.
   */
  void readAlready(ProtocolVersion version) throws TlsAlertException {
    checkRecordVersion(version);
    currentRecordVersion = version;
  }

  /** The version of the record being processed. */
  ProtocolVersion currentRecordVersion() {
    return currentRecordVersion;
  }

  /** From ServerHello on, both directions use and expect the negotiated version. */
  void negotiated(ProtocolVersion version) {
    negotiatedVersion = version;
    recordVersion = version;
  }

  /**
   * RFC 5246 Appendix E.1: a server accepts any {03,XX} on the record carrying ClientHello; from
   * ServerHello on both sides use the negotiated version. The record holding ServerHello is checked
   * when ServerHello is processed, since its version is only then known.
   */
  private void checkRecordVersion(ProtocolVersion version) throws TlsAlertException {
    if (negotiatedVersion != null) {
      if (!version.equals(negotiatedVersion)) {
        throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
            "record version " + version + " after " + negotiatedVersion + " was negotiated");
      }
    } else if (version.major() != 3) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "record version " + version + " is not {3, x}");
    }
  }

  /** The states the next ChangeCipherSpec in each direction will make current (RFC 5246 §6.1). */
  void pending(RecordProtection read, RecordProtection write) {
    pendingRead = read;
    pendingWrite = write;
  }

  /** RFC 5246 §7.1: the receiver switches its read state when ChangeCipherSpec arrives. */
  void changeReadState() {
    readState = pendingRead;
  }

  void sendChangeCipherSpec() {
    byte[] payload = new ChangeCipherSpec().encode();
    writeRecord(ContentType.CHANGE_CIPHER_SPEC, payload, List.of());
    events.add(new TlsEvent.MessageSent(
        ContentType.CHANGE_CIPHER_SPEC.rfcName(), payload.length, payload));
    // RFC 5246 §7.1: the sender switches its write state right after sending ChangeCipherSpec.
    writeState = pendingWrite;
  }

  /**
   * Sends messages of one flight coalesced into as few records as the fragment limit allows: 2^14,
   * or the negotiated max_fragment_length (RFC 6066 §4).
   */
  void sendHandshake(List<HandshakeMessage> messages) {
    WireWriter flight = new WireWriter();
    // Where each message ends in the flight, to name the messages each record holds.
    int[] ends = new int[messages.size()];
    for (int i = 0; i < ends.length; i++) {
      flight.bytes(messages.get(i).encode());
      ends[i] = flight.size();
    }
    int recordStart = 0;
    int first = 0;
    for (TlsRecord r : fragmenter().fragment(ContentType.HANDSHAKE, flight.toByteArray())) {
      int recordEnd = recordStart + r.length();
      List<String> names = List.of();
      if (outgoing.enabled()) {
        // RFC 5246 §6.2.1: messages are coalesced into records and may span them; a record holds
        // every message with a byte in [recordStart, recordEnd).
        List<String> held = new ArrayList<>();
        for (int i = first; i < ends.length && (i == 0 ? 0 : ends[i - 1]) < recordEnd; i++) {
          held.add(HandshakeMessageName.of(messages.get(i)));
        }
        names = held;
      }
      while (first < ends.length && ends[first] <= recordEnd) {
        first++;
      }
      writeRecord(ContentType.HANDSHAKE, r.fragment(), names);
      recordStart = recordEnd;
    }
  }

  @Override
  public void sendApplicationData(byte[] applicationData) {
    for (TlsRecord r : fragmenter().fragment(ContentType.APPLICATION_DATA, applicationData)) {
      events.add(new TlsEvent.MessageSent(ContentType.APPLICATION_DATA.rfcName(), r.length()));
      writeRecord(ContentType.APPLICATION_DATA, r.fragment(), List.of());
    }
  }

  @Override
  public void sendAlert(Alert alert) {
    byte[] payload = alert.encode();
    writeRecord(ContentType.ALERT, payload, List.of(alert.descriptionName()));
    events.add(new TlsEvent.MessageSent(ContentType.ALERT.rfcName(), payload.length, payload));
  }

  private RecordFragmenter fragmenter() {
    return new RecordFragmenter(recordVersion, limit.sendLimit());
  }

  private void writeRecord(ContentType type, byte[] plaintext, List<String> messages) {
    byte[] fragment = writeState.seal(type, recordVersion, plaintext);
    byte[] record = new TlsRecord(type, recordVersion, fragment).encode();
    output.writeBytes(record);
    outgoing.add(type, record.length, messages);
  }
}
