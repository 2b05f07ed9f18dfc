package dev.tlssim.tls.v13;

import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EndpointContext;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v12.Tls12;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.ServerHello;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * How a TLS 1.3 handshake that also speaks TLS 1.2 hands the connection to the TLS 1.2 one when
 * the hellos choose TLS 1.2 (RFC 8446 §4.2.1, Appendix D): the TLS 1.2 handshake gets the hello
 * already decoded, the ClientHello the client sent, the reassembler with the rest of the flight,
 * and the version of the record the hello came in; from then on it runs the connection.
 */
final class Tls12Handover {
  private final EndpointContext context;
  private final HandshakeReassembler reassembler;
  private final Tls13RecordLayer records;
  private final SecureRandom random;
  private final Instant now;
  private boolean done;

  Tls12Handover(EndpointContext context, HandshakeReassembler reassembler, Tls13RecordLayer records,
      SecureRandom random, Instant now) {
    this.context = context;
    this.reassembler = reassembler;
    this.records = records;
    this.random = random;
    this.now = now;
  }

  /** Whether the connection went to TLS 1.2: this handshake then reads nothing more. */
  boolean done() {
    return done;
  }

  /** The client sent {@code sent}; {@code hello} (from {@code frame}) chose TLS 1.2. */
  void toClient(ClientConfig config, ClientHello sent, HandshakeFrame frame, ServerHello hello)
      throws TlsAlertException {
    done = true;
    Tls12.continueClient(context, config, random, now, sent, reassembler, frame, hello, recordVersion());
  }

  /** {@code hello} (from {@code frame}) asked for TLS 1.2 or below. */
  void toServer(ServerConfig config, HandshakeFrame frame, ClientHello hello) throws TlsAlertException {
    done = true;
    Tls12.continueServer(context, config, random, now, reassembler, frame, hello, recordVersion());
  }

  private ProtocolVersion recordVersion() {
    return records.currentRecordVersion();
  }
}
