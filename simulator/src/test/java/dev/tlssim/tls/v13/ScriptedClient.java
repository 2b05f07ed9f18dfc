package dev.tlssim.tls.v13;

import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.core.TlsPlaintext;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.Tls13Finished;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.ExtensionContext;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.Finished;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeReassembler;
import dev.tlssim.tls.wire.KeyShareClientHello;
import dev.tlssim.tls.wire.KeyShareEntry;
import dev.tlssim.tls.wire.KeyShareServerHello;
import dev.tlssim.tls.wire.RecordReader;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SupportedGroups;
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test double for a TLS 1.3 client that misbehaves: it sends a ClientHello (x25519,
 * TLS_AES_128_GCM_SHA256), reads the server's flight without judging it, and answers with a
 * Finished whose last verify_data byte is flipped, or with handshake bytes of the test's choice
 * in place of Finished or after a correct one, each correctly protected under the keys of that
 * moment, built from the same parts as {@link Tls13ClientHandshake}. It can then read what the
 * server sends under server_application_traffic_secret_0.
 */
final class ScriptedClient {
  private static final Tls13CipherSuite SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final RecordReader reader = new RecordReader();
  private final EventQueue events = new EventQueue();
  private final Tls13RecordLayer records = new Tls13RecordLayer(reader, output, events, new FragmentLimit());
  private final Tls13HandshakeChannel channel = new Tls13HandshakeChannel(records, events);
  private final EcdheKeyPair ephemeral = EcdheKeyPair.generate(NamedGroup.X25519, Pipe.seeded(97));
  private HandshakeTrafficSecrets secrets;
  private HandshakeTrafficSecrets.ApplicationTrafficKeys applicationKeys;

  /** The ClientHello record. */
  byte[] hello() {
    channel.send(new ClientHello(ProtocolVersion.TLS12, new byte[32], new byte[0],
        List.of(SUITE.code()), List.of(ClientHello.COMPRESSION_NULL), Optional.of(Extensions.of(
            SupportedGroups.of(NamedGroup.X25519),
            SignatureAlgorithms.of(SignatureScheme.ECDSA_SECP256R1_SHA256),
            SupportedVersions.Offered.of(ProtocolVersion.TLS13),
            KeyShareClientHello.of(KeyShareEntry.of(NamedGroup.X25519, ephemeral.publicKey()))))));
    return drain();
  }

  /** Reads the server's whole first flight and answers with a wrong Finished. */
  byte[] wrongFinished(byte[] serverFlight) throws TlsAlertException {
    readServerFlight(serverFlight);
    byte[] verifyData = Tls13Finished.verifyData(SUITE, secrets.client(), channel.transcriptHash(SUITE));
    verifyData[verifyData.length - 1] ^= 1;
    channel.send(new Finished(verifyData));
    return drain();
  }

  /**
   * Reads the server's whole first flight and sends {@code handshakeBytes} as one handshake
   * record under the client's handshake keys, where its Finished belongs.
   */
  byte[] insteadOfFinished(byte[] serverFlight, byte[] handshakeBytes) throws TlsAlertException {
    readServerFlight(serverFlight);
    records.send(ContentType.HANDSHAKE, handshakeBytes);
    return drain();
  }

  /**
   * Reads the server's whole first flight, answers with a correct Finished and then sends
   * {@code handshakeBytes} as one handshake record under client_application_traffic_secret_0.
   */
  byte[] finishedThen(byte[] serverFlight, byte[] handshakeBytes) throws TlsAlertException {
    readServerFlight(serverFlight);
    channel.send(new Finished(Tls13Finished.verifyData(SUITE, secrets.client(), channel.transcriptHash(SUITE))));
    records.writeWith(applicationKeys.client());
    records.send(ContentType.HANDSHAKE, handshakeBytes);
    return drain();
  }

  /** The records the server sent after its first flight, opened under its application keys. */
  List<TlsPlaintext> openApplicationRecords(byte[] serverRecords) throws TlsAlertException {
    reader.feed(serverRecords);
    List<TlsPlaintext> opened = new ArrayList<>();
    for (Optional<TlsPlaintext> record = records.next(); record.isPresent(); record = records.next()) {
      opened.add(record.get());
    }
    return opened;
  }

  private void readServerFlight(byte[] serverFlight) throws TlsAlertException {
    reader.feed(serverFlight);
    HandshakeReassembler reassembler = new HandshakeReassembler();
    for (Optional<TlsPlaintext> record = records.next(); record.isPresent(); record = records.next()) {
      if (record.get().type() != ContentType.HANDSHAKE) {
        continue; // the server's compatibility change_cipher_spec
      }
      reassembler.feed(record.get().fragment());
      for (Optional<HandshakeFrame> frame = reassembler.next(); frame.isPresent(); frame = reassembler.next()) {
        channel.received(frame.get());
        if (secrets == null) {
          ServerHello hello = ServerHello.decode(frame.get().body());
          KeyShareEntry share = Tls13Extensions.find(hello.extensionsOrEmpty(), ExtensionContext.SERVER_HELLO,
              KeyShareServerHello.class).orElseThrow().serverShare();
          secrets = HandshakeTrafficSecrets.derive(SUITE, ephemeral.agree(share.keyExchange()),
              channel.transcriptHash(SUITE));
          records.readWith(secrets.serverKeys());
        }
      }
    }
    // The flight ends with the server's Finished: the application secrets cover it (RFC 8446 §7.1).
    applicationKeys = secrets.applicationKeys(channel.transcriptHash(SUITE));
    records.readWith(applicationKeys.server());
    records.writeWith(secrets.clientKeys());
  }

  private byte[] drain() {
    byte[] bytes = output.toByteArray();
    output.reset();
    return bytes;
  }
}
