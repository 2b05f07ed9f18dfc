package dev.tlssim.tls.wire;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes the records of one direction of a TLS stream from its bytes alone, for a sender that
 * has no engine of ours to ask (the JDK's SSLEngine, a replayed recording): each record's outer
 * content type and length, and the handshake messages of plaintext handshake records. From the
 * stream's change_cipher_spec on, handshake and alert records are protected (RFC 5246 §7.1) and
 * described with no messages, as are TLS 1.3's protected records, which look like
 * application_data from outside (RFC 8446 §5.2). A TLS 1.3 client's second ClientHello after the
 * compatibility change_cipher_spec (§D.4) is described without its name too: telling it from a
 * protected TLS 1.2 Finished would take the other direction's ServerHello.
 *
 * <p>Bytes that are not TLS end the description: nothing after them is described.
 */
public final class RecordScanner {
  private final RecordReader reader = new RecordReader();
  private final HandshakeReassembler handshake = new HandshakeReassembler();
  /** Plaintext handshake bytes fed to the reassembler, and those it has made into messages. */
  private long handshakeFed;
  private long handshakeFramed;
  /** The name of the message begun in an earlier record and not yet complete, or null. */
  private String unfinished;
  private boolean protectedFromNow;
  private boolean broken;

  /** The next bytes of the stream, in order; returns the records they complete, in order. */
  public List<RecordDescriptor> feed(byte[] bytes) {
    if (broken) {
      return List.of();
    }
    reader.feed(bytes);
    List<RecordDescriptor> out = new ArrayList<>();
    try {
      for (Optional<TlsRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
        out.add(describe(r.get()));
      }
    } catch (TlsAlertException e) {
      broken = true;
    }
    return out;
  }

  private RecordDescriptor describe(TlsRecord record) throws TlsAlertException {
    int length = TlsRecord.HEADER_LENGTH + record.length();
    List<String> messages = List.of();
    if (record.type() == ContentType.CHANGE_CIPHER_SPEC) {
      protectedFromNow = true;
    } else if (record.type() == ContentType.HANDSHAKE && !protectedFromNow) {
      messages = messagesIn(record.fragment());
    } else if (record.type() == ContentType.ALERT && !protectedFromNow) {
      messages = alertIn(record.fragment());
    }
    return new RecordDescriptor(record.type(), length, messages);
  }

  /** Every message with a byte in this fragment: one continued from before, those it completes, one it begins. */
  private List<String> messagesIn(byte[] fragment) throws TlsAlertException {
    List<String> names = new ArrayList<>();
    if (unfinished != null) {
      names.add(unfinished);
    }
    long fragmentStart = handshakeFed;
    handshake.feed(fragment);
    handshakeFed += fragment.length;
    for (Optional<HandshakeFrame> f = handshake.next(); f.isPresent(); f = handshake.next()) {
      String name = HandshakeMessageName.of(f.get());
      if (handshakeFramed < fragmentStart) {
        // The unfinished message is complete now: its full name may differ (hello_retry_request).
        names.set(0, name);
      } else {
        names.add(name);
      }
      handshakeFramed += HandshakeFrame.HEADER_LENGTH + f.get().bodyLength();
      unfinished = null;
    }
    if (handshakeFramed < handshakeFed && handshakeFramed >= fragmentStart) {
      int code = fragment[(int) (handshakeFramed - fragmentStart)] & 0xff;
      unfinished = HandshakeType.fromCode(code).map(HandshakeType::rfcName).orElse("unknown(" + code + ")");
      names.add(unfinished);
    }
    return names;
  }

  private static List<String> alertIn(byte[] fragment) {
    try {
      return List.of(Alert.decode(fragment).descriptionName());
    } catch (TlsAlertException e) {
      return List.of();
    }
  }
}
