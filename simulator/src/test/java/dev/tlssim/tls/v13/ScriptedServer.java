package dev.tlssim.tls.v13;

import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.Tls13CipherSuite;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.core.FragmentLimit;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.crypto.Tls13Finished;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.wire.Certificate13;
import dev.tlssim.tls.wire.CertificateVerify;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.EncryptedExtensions;
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
import dev.tlssim.tls.wire.SupportedVersions;
import dev.tlssim.tls.wire.Tls13Extensions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A test double for a misbehaving TLS 1.3 server: it answers one ClientHello with the flight of
 * RFC 8446 §2 (x25519, TLS_AES_128_GCM_SHA256, the ECDSA test certificate), built from the same
 * parts as {@link Tls13ServerHandshake}, except for the one fault it is told to commit.
 */
final class ScriptedServer {
  enum Fault {
    /** CertificateVerify signs the wrong transcript hash: a well-formed signature that fails. */
    CERTIFICATE_VERIFY_SIGNATURE,
    /** The last byte of Finished.verify_data is flipped, inside a correctly protected record. */
    FINISHED_VERIFY_DATA
  }

  private ScriptedServer() {}

  /** The server's first flight in answer to {@code clientFlight}, committing {@code fault}. */
  static byte[] respond(byte[] clientFlight, Fault fault) throws TlsAlertException {
    Tls13CipherSuite suite = Tls13CipherSuite.TLS_AES_128_GCM_SHA256;
    SignatureScheme scheme = SignatureScheme.ECDSA_SECP256R1_SHA256;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    EventQueue events = new EventQueue();
    Tls13HandshakeChannel channel = new Tls13HandshakeChannel(
        new Tls13RecordLayer(new RecordReader(), output, events, new FragmentLimit()), events);

    RecordReader reader = new RecordReader();
    reader.feed(clientFlight);
    Tls13RecordLayer incoming = new Tls13RecordLayer(reader, new ByteArrayOutputStream(), events, new FragmentLimit());
    HandshakeReassembler reassembler = new HandshakeReassembler();
    reassembler.feed(incoming.next().orElseThrow().fragment());
    HandshakeFrame frame = reassembler.next().orElseThrow();
    ClientHello hello = ClientHello.decode(frame.body());
    channel.received(frame);
    KeyShareEntry clientShare = Tls13Extensions.find(hello.extensionsOrEmpty(), ExtensionContext.CLIENT_HELLO,
        KeyShareClientHello.class).orElseThrow().shareFor(NamedGroup.X25519.code()).orElseThrow();

    EcdheKeyPair ephemeral = EcdheKeyPair.generate(NamedGroup.X25519, Pipe.seeded(99));
    byte[] shared = ephemeral.agree(clientShare.keyExchange());
    channel.send(new ServerHello(ProtocolVersion.TLS12, new byte[32], hello.sessionId(), suite.code(),
        ClientHello.COMPRESSION_NULL, Optional.of(Extensions.of(
            SupportedVersions.Selected.of(ProtocolVersion.TLS13),
            new KeyShareServerHello(KeyShareEntry.of(NamedGroup.X25519, ephemeral.publicKey()))))));
    HandshakeTrafficSecrets secrets = HandshakeTrafficSecrets.derive(suite, shared, channel.transcriptHash(suite));
    channel.records().writeWith(secrets.serverKeys());
    channel.send(new EncryptedExtensions(Extensions.EMPTY));
    channel.send(Certificate13.ofServer(WebPki.EC_CHAIN.certificates().stream().map(c -> {
      try {
        return c.getEncoded();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList()));
    byte[] signedHash = fault == Fault.CERTIFICATE_VERIFY_SIGNATURE
        ? new byte[suite.hashLength()] : channel.transcriptHash(suite);
    channel.send(CertificateVerify.of(scheme, HandshakeSignature.sign(scheme, WebPki.EC_LEAF_KEY.getPrivate(),
        CertificateVerify.signedContent(ConnectionEnd.SERVER, signedHash), Pipe.seeded(98))));
    byte[] verifyData = Tls13Finished.verifyData(suite, secrets.server(), channel.transcriptHash(suite));
    if (fault == Fault.FINISHED_VERIFY_DATA) {
      verifyData[verifyData.length - 1] ^= 1;
    }
    channel.send(new Finished(verifyData));
    return output.toByteArray();
  }
}
