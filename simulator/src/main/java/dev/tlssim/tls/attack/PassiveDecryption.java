package dev.tlssim.tls.attack;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.Direction;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.crypto.MasterSecret;
import dev.tlssim.tls.crypto.RecordProtection;
import dev.tlssim.tls.crypto.RsaPreMasterSecret;
import dev.tlssim.tls.crypto.TranscriptHash;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Codec;
import dev.tlssim.tls.wire.Decoded;
import dev.tlssim.tls.wire.EncryptedPreMasterSecret;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.HandshakeFrame;
import dev.tlssim.tls.wire.HandshakeLocator;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * What a passive attacker can do with a recorded TLS 1.2 connection once it holds the server's
 * private key: with RSA key exchange the ClientKeyExchange carries the premaster secret encrypted
 * to that key, so the whole session opens (RFC 5246 §7.4.7.1); with ECDHE the premaster came from
 * ephemeral keys that were never sent and are gone, so it cannot (forward secrecy, RFC 8422 §2).
 */
public final class PassiveDecryption {
  private PassiveDecryption() {}

  /** Either the plaintext of both directions, or why it could not be read. */
  public record Outcome(boolean decrypted, String reason, byte[] clientToServer, byte[] serverToClient) {
    static Outcome failed(String reason) {
      return new Outcome(false, reason, new byte[0], new byte[0]);
    }
  }

  public static Outcome attempt(HandshakeLocator fromClient, HandshakeLocator fromServer, RSAKeyParameters serverKey) {
    byte[] clientHello = fromClient.message(HandshakeType.CLIENT_HELLO);
    byte[] serverHello = fromServer.message(HandshakeType.SERVER_HELLO);
    byte[] clientKeyExchange = fromClient.message(HandshakeType.CLIENT_KEY_EXCHANGE);
    if (clientHello == null || serverHello == null || clientKeyExchange == null) {
      return Outcome.failed("no complete handshake was recorded");
    }
    Optional<ClientHello> hello = Codec.clientHello(clientHello).map(Decoded::message);
    Optional<ServerHello> answer = Codec.serverHello(serverHello).map(Decoded::message);
    if (hello.isEmpty() || answer.isEmpty()) {
      return Outcome.failed("the recorded hellos do not decode");
    }
    CipherSuite suite = answer.get().knownCipherSuite().orElse(null);
    if (suite == null) {
      return Outcome.failed("unknown cipher suite");
    }
    if (suite.keyExchange() != CipherSuite.KeyExchange.RSA) {
      return Outcome.failed(suite.name() + ": ephemeral ECDHE keys, never sent and already discarded (forward "
          + "secrecy): the stolen key does not help");
    }
    byte[] clientRandom = hello.get().random();
    byte[] serverRandom = answer.get().random();
    byte[] encrypted;
    try {
      encrypted = EncryptedPreMasterSecret.decode(Arrays.copyOfRange(clientKeyExchange, HandshakeFrame.HEADER_LENGTH,
          clientKeyExchange.length)).encrypted();
    } catch (TlsAlertException e) {
      return Outcome.failed("the recorded client_key_exchange does not decode: " + e.getMessage());
    }
    byte[] preMaster = RsaPreMasterSecret.decrypt(encrypted, hello.get().clientVersion(), serverKey, new SecureRandom());
    // RFC 7627 §5.1: the extended master secret is used when the ServerHello echoes the extension.
    boolean ems = answer.get().extensionsOrEmpty().contains(ExtensionType.EXTENDED_MASTER_SECRET);
    byte[] master;
    if (ems) {
      // RFC 7627 §3: the session hash covers every handshake message up to ClientKeyExchange.
      TranscriptHash transcript = new TranscriptHash();
      transcript.add(clientHello);
      for (HandshakeLocator.Message m : fromServer.messages()) {
        transcript.add(fromServer.message(m.type()));
        if (m.type() == HandshakeType.SERVER_HELLO_DONE) {
          break;
        }
      }
      transcript.add(clientKeyExchange);
      master = MasterSecret.deriveExtended(suite.prfHash(), preMaster, transcript.hash(suite.prfHash())).secret();
    } else {
      master = MasterSecret.derive(suite.prfHash(), preMaster, clientRandom, serverRandom).secret();
    }
    KeyBlock keys = KeyBlock.derive(suite, master, clientRandom, serverRandom);
    try {
      return new Outcome(true, "RSA key exchange: premaster secret decrypted with the stolen key",
          open(fromClient, suite, keys, ConnectionEnd.SERVER), open(fromServer, suite, keys, ConnectionEnd.CLIENT));
    } catch (TlsAlertException e) {
      return Outcome.failed("records did not open (" + e.getMessage() + "): not this server's key");
    }
  }

  /** Opens one direction's protected records as the receiving end would; returns the application data. */
  private static byte[] open(HandshakeLocator direction, CipherSuite suite, KeyBlock keys, ConnectionEnd reader)
      throws TlsAlertException {
    RecordProtection protection = RecordProtection.create(suite, keys, reader, Direction.READ, null);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (TlsRecord r : direction.protectedRecords()) {
      byte[] plain = protection.open(r.type(), r.version(), r.fragment());
      if (r.type() == ContentType.APPLICATION_DATA) {
        data.write(plain, 0, plain.length);
      }
    }
    return data.toByteArray();
  }
}
