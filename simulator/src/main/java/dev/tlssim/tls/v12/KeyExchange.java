package dev.tlssim.tls.v12;

import dev.tlssim.pki.KeyAlgorithm;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.EventQueue;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.crypto.RsaPreMasterSecret;
import dev.tlssim.tls.wire.ClientEcDiffieHellmanPublic;
import dev.tlssim.tls.wire.DigitallySigned;
import dev.tlssim.tls.wire.EncryptedPreMasterSecret;
import dev.tlssim.tls.wire.HandshakeMessage;
import dev.tlssim.tls.wire.ServerEcdhParams;
import dev.tlssim.tls.wire.ServerKeyExchange;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * How the two sides arrive at the same premaster secret (RFC 5246 §7.4.3 and §7.4.7): either an
 * ephemeral ECDH exchange whose server share the certificate key signs (RFC 8422 §2.1 ECDHE_RSA
 * and ECDHE_ECDSA), or a premaster secret the client encrypts to the server's RSA key (RFC 5246
 * §7.4.7.1). Each public-key operation is reported for the CPU cost profile.
 */
final class KeyExchange {
  /** The client's ClientKeyExchange message and the premaster secret it conveys. */
  record ClientShare(HandshakeMessage clientKeyExchange, byte[] preMasterSecret) {}

  private final SecureRandom random;
  private final EventQueue events;
  private NamedGroup group;
  private EcdheKeyPair serverKeyPair;

  KeyExchange(SecureRandom random, EventQueue events) {
    this.random = random;
    this.events = events;
  }

  /**
   * Server, ECDHE suites: a fresh key pair on {@code chosenGroup}, its public point signed over
   * both randoms (RFC 8422 §5.4: ServerKeyExchange.signed_params).
   */
  ServerKeyExchange serverKeyExchange(NamedGroup chosenGroup, SignatureScheme scheme,
      AsymmetricKeyParameter signingKey, byte[] clientRandom, byte[] serverRandom) {
    group = chosenGroup;
    serverKeyPair = EcdheKeyPair.generate(group, random);
    events.cryptoOperation(group.rfcName() + ".keygen");
    ServerEcdhParams params = new ServerEcdhParams(group, serverKeyPair.publicKey());
    byte[] content = HandshakeSignature.serverKeyExchangeContent(
        clientRandom, serverRandom, params.encode());
    byte[] signature = HandshakeSignature.sign(scheme, signingKey, content, random);
    events.cryptoOperation(KeyAlgorithm.operationName(signingKey, "sign"));
    return new ServerKeyExchange(params, new DigitallySigned(scheme, signature));
  }

  /** Server: the premaster secret the client's ClientKeyExchange conveys. */
  byte[] serverPreMasterSecret(HandshakeMessage clientKeyExchange,
      ProtocolVersion clientHelloVersion, AsymmetricKeyParameter privateKey)
      throws TlsAlertException {
    if (clientKeyExchange instanceof EncryptedPreMasterSecret rsa) {
      // RFC 5246 §7.4.7.1: a bad ciphertext yields a random premaster, never an alert here, so
      // the server is no Bleichenbacher oracle; the Finished check then fails.
      byte[] preMasterSecret = RsaPreMasterSecret.decrypt(rsa.encrypted(), clientHelloVersion,
          (RSAKeyParameters) privateKey, random);
      events.cryptoOperation(KeyAlgorithm.operationName(privateKey, "decrypt"));
      return preMasterSecret;
    }
    ClientEcDiffieHellmanPublic ecdh = (ClientEcDiffieHellmanPublic) clientKeyExchange;
    byte[] preMasterSecret = serverKeyPair.agree(ecdh.ecdhYc());
    events.cryptoOperation(group.rfcName() + ".agree");
    return preMasterSecret;
  }

  /** Client, ECDHE suites: our own key pair on the server's group, agreed with its share. */
  ClientShare clientEcdhe(NamedGroup serverGroup, byte[] serverPublic) throws TlsAlertException {
    EcdheKeyPair keyPair = EcdheKeyPair.generate(serverGroup, random);
    events.cryptoOperation(serverGroup.rfcName() + ".keygen");
    byte[] preMasterSecret = keyPair.agree(serverPublic);
    events.cryptoOperation(serverGroup.rfcName() + ".agree");
    return new ClientShare(new ClientEcDiffieHellmanPublic(keyPair.publicKey()), preMasterSecret);
  }

  /**
   * Client, RSA key exchange: 46 random bytes after client_version, encrypted to the server's
   * certificate key (RFC 5246 §7.4.7.1).
   */
  ClientShare clientRsa(ProtocolVersion clientHelloVersion, AsymmetricKeyParameter serverKey) {
    RsaPreMasterSecret.Encrypted encrypted = RsaPreMasterSecret.generate(
        clientHelloVersion, (RSAKeyParameters) serverKey, random);
    events.cryptoOperation(KeyAlgorithm.operationName(serverKey, "encrypt"));
    return new ClientShare(new EncryptedPreMasterSecret(encrypted.encryptedPreMasterSecret()),
        encrypted.preMasterSecret());
  }
}
