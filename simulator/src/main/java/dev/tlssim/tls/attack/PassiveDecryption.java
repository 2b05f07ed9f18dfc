package dev.tlssim.tls.attack;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.ContentType;
import dev.tlssim.tls.HandshakeType;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.crypto.ConnectionEnd;
import dev.tlssim.tls.crypto.Direction;
import dev.tlssim.tls.crypto.KeyBlock;
import dev.tlssim.tls.crypto.MasterSecret;
import dev.tlssim.tls.crypto.RecordProtection;
import dev.tlssim.tls.crypto.RsaPreMasterSecret;
import dev.tlssim.tls.crypto.TranscriptHash;
import dev.tlssim.tls.wire.HandshakeLocator;
import dev.tlssim.tls.wire.TlsRecord;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
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
    CipherSuite suite = CipherSuite.fromCode(u16(serverHello, 4 + 2 + 32 + 1 + (serverHello[4 + 2 + 32] & 0xff)))
        .orElse(null);
    if (suite == null) {
      return Outcome.failed("unknown cipher suite");
    }
    if (suite.keyExchange() != CipherSuite.KeyExchange.RSA) {
      return Outcome.failed(suite.name() + ": ephemeral ECDHE keys, never sent and already discarded (forward "
          + "secrecy): the stolen key does not help");
    }
    byte[] clientRandom = slice(clientHello, 6, 32);
    byte[] serverRandom = slice(serverHello, 6, 32);
    byte[] encrypted = slice(clientKeyExchange, 6, clientKeyExchange.length - 6);
    ProtocolVersion clientVersion = ProtocolVersion.fromCode(u16(clientHello, 4));
    byte[] preMaster = RsaPreMasterSecret.decrypt(encrypted, clientVersion, serverKey, new SecureRandom());
    boolean ems = hasExtendedMasterSecret(serverHello);
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

  private static boolean hasExtendedMasterSecret(byte[] serverHello) {
    int p = 4 + 2 + 32;
    p += 1 + (serverHello[p] & 0xff);
    p += 3;
    if (p + 2 > serverHello.length) {
      return false;
    }
    int end = p + 2 + u16(serverHello, p);
    p += 2;
    while (p + 4 <= end) {
      if (u16(serverHello, p) == 23) {
        return true;
      }
      p += 4 + u16(serverHello, p + 2);
    }
    return false;
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }

  private static byte[] slice(byte[] b, int from, int length) {
    byte[] out = new byte[length];
    System.arraycopy(b, from, out, 0, length);
    return out;
  }
}
