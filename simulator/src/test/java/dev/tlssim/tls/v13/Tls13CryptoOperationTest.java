package dev.tlssim.tls.v13;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlssim.pki.CertificateChain;
import dev.tlssim.scenario.CostProfiles;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.core.TlsEndpoint;
import dev.tlssim.tls.core.TlsEvent;
import dev.tlssim.tls.testing.Pipe;
import dev.tlssim.tls.testing.TestPki;
import dev.tlssim.tls.testing.WebPki;
import dev.tlssim.tls.v12.ClientConfig;
import dev.tlssim.tls.v12.ServerConfig;
import dev.tlssim.tls.v12.Tls12;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The CPU-cost events of a full TLS 1.3 handshake: every public-key operation under the name
 * the TLS 1.2 engine gives it, so the cost profiles price both versions alike. The test chain is
 * leaf, issuing CA (ECDSA P-256) and root (RSA 2048): checking it verifies the leaf's signature
 * with the P-256 issuer key and the issuer's with the RSA root key.
 */
class Tls13CryptoOperationTest {
  @Test
  void ecdsaP256ServerSignsAndTheClientVerifiesChainThenCertificateVerify() {
    assertOperations(TestPki.ecServer13(),
        List.of("x25519.keygen", "secp256r1.keygen", "x25519.agree",
            "ecdsa-p256.verify", "rsa2048.verify", "ecdsa-p256.verify"),
        List.of("x25519.keygen", "x25519.agree", "ecdsa-p256.sign"));
  }

  @Test
  void rsaPssServerSignsAndTheClientVerifiesChainThenCertificateVerify() {
    assertOperations(TestPki.rsaServer13(),
        List.of("x25519.keygen", "secp256r1.keygen", "x25519.agree",
            "ecdsa-p256.verify", "rsa2048.verify", "rsa2048.verify"),
        List.of("x25519.keygen", "x25519.agree", "rsa2048.sign"));
  }

  @Test
  void secp256r1KeyExchangeIsNamedByItsGroup() {
    assertOperations(TestPki.ecServer13().withGroups(List.of(NamedGroup.SECP256R1)),
        List.of("x25519.keygen", "secp256r1.keygen", "secp256r1.agree",
            "ecdsa-p256.verify", "rsa2048.verify", "ecdsa-p256.verify"),
        List.of("secp256r1.keygen", "secp256r1.agree", "ecdsa-p256.sign"));
  }

  @Test
  void x25519Mlkem768ChargesBothComponents() {
    List<NamedGroup> groups = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
    assertOperations(TestPki.client13().withGroups(groups).withKeyShareGroups(groups),
        TestPki.ecServer13().withGroups(groups),
        List.of("mlkem768.keygen", "x25519.keygen", "x25519.keygen", "mlkem768.decaps", "x25519.agree",
            "ecdsa-p256.verify", "rsa2048.verify", "ecdsa-p256.verify"),
        List.of("mlkem768.encaps", "x25519.keygen", "x25519.agree", "ecdsa-p256.sign"));
  }

  @Test
  void aServerPreferringTheHybridAsksForItsShareAndTheClientGeneratesIt() {
    List<NamedGroup> groups = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
    // RFC 8446 §4.1.4: after the HelloRetryRequest the client makes a share for the named group.
    assertOperations(TestPki.client13().withGroups(groups).withKeyShareGroups(List.of(NamedGroup.X25519)),
        TestPki.ecServer13().withGroups(groups).withGroupSelection(GroupSelection.PREFERENCE),
        List.of("x25519.keygen", "mlkem768.keygen", "x25519.keygen", "mlkem768.decaps", "x25519.agree",
            "ecdsa-p256.verify", "rsa2048.verify", "ecdsa-p256.verify"),
        List.of("mlkem768.encaps", "x25519.keygen", "x25519.agree", "ecdsa-p256.sign"));
  }

  @Test
  void theSameServerPickingByTheSharesTakesTheClassicalOne() {
    List<NamedGroup> groups = List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
    assertOperations(TestPki.client13().withGroups(groups).withKeyShareGroups(List.of(NamedGroup.X25519)),
        TestPki.ecServer13().withGroups(groups),
        List.of("x25519.keygen", "x25519.agree", "ecdsa-p256.verify", "rsa2048.verify", "ecdsa-p256.verify"),
        List.of("x25519.keygen", "x25519.agree", "ecdsa-p256.sign"));
  }

  @Test
  void mlkem768AloneEncapsulatesAndDecapsulates() {
    List<NamedGroup> groups = List.of(NamedGroup.MLKEM768);
    assertOperations(TestPki.client13().withGroups(groups).withKeyShareGroups(groups),
        TestPki.ecServer13().withGroups(groups),
        List.of("mlkem768.keygen", "mlkem768.decaps", "ecdsa-p256.verify", "rsa2048.verify", "ecdsa-p256.verify"),
        List.of("mlkem768.encaps", "ecdsa-p256.sign"));
  }

  @Test
  void signaturesAreNamedAsTheTls12EngineNamesThemForTheSameKeys() {
    // TLS 1.2 signs ServerKeyExchange where TLS 1.3 signs CertificateVerify; the key and the
    // operation are the same, so the sign and verify names must be too.
    assertSameSignatureNames(WebPki.EC_CHAIN, WebPki.EC_LEAF_KEY.getPrivate(), TestPki.ecServer13());
    assertSameSignatureNames(WebPki.RSA_CHAIN, WebPki.RSA_LEAF_KEY.getPrivate(), TestPki.rsaServer13());
  }

  private static void assertSameSignatureNames(CertificateChain chain, AsymmetricKeyParameter key,
      Tls13ServerConfig serverConfig13) {
    TlsEndpoint server12 = Tls12.server(ServerConfig.defaults(chain, key), Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client12 = Tls12.client(ClientConfig.defaults(WebPki.HOST, WebPki.strictVerifier()),
        Pipe.seeded(2), WebPki.NOW);
    client12.start();
    for (int round = 0; round < 10; round++) {
      server12.receive(client12.drainOutput());
      client12.receive(server12.drainOutput());
    }
    assertThat(client12.established()).isTrue();
    TlsEndpoint server13 = Tls13.server(serverConfig13, Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client13 = Tls13.client(TestPki.client13(), Pipe.seeded(2), WebPki.NOW);
    client13.start();
    Pipe.run(client13, server13);
    assertThat(client13.established()).isTrue();

    assertThat(signatures(operations(client13.drainEvents())))
        .isNotEmpty().isEqualTo(signatures(operations(client12.drainEvents())));
    assertThat(signatures(operations(server13.drainEvents())))
        .isNotEmpty().isEqualTo(signatures(operations(server12.drainEvents())));
  }

  private static List<String> signatures(List<String> operations) {
    List<String> signatures = new ArrayList<>();
    for (String op : operations) {
      if (op.endsWith(".sign") || op.endsWith(".verify")) {
        signatures.add(op);
      }
    }
    return signatures;
  }

  private static void assertOperations(Tls13ServerConfig serverConfig, List<String> clientOperations,
      List<String> serverOperations) {
    assertOperations(TestPki.client13(), serverConfig, clientOperations, serverOperations);
  }

  private static void assertOperations(Tls13ClientConfig clientConfig, Tls13ServerConfig serverConfig,
      List<String> clientOperations, List<String> serverOperations) {
    TlsEndpoint server = Tls13.server(serverConfig, Pipe.seeded(1), WebPki.NOW);
    TlsEndpoint client = Tls13.client(clientConfig, Pipe.seeded(2), WebPki.NOW);
    client.start();
    Pipe.run(client, server);
    assertThat(client.established()).isTrue();

    List<TlsEvent> clientEvents = client.drainEvents();
    List<String> client13 = operations(clientEvents);
    List<String> server13 = operations(server.drainEvents());
    assertThat(client13).containsExactlyElementsOf(clientOperations);
    assertThat(server13).containsExactlyElementsOf(serverOperations);
    // The chain's signatures are charged before its CertificateCheck events, as in TLS 1.2.
    int lastChainVerify = clientEvents.indexOf(new TlsEvent.CryptoOperation("rsa2048.verify"));
    int firstCheck = clientEvents.indexOf(Pipe.of(clientEvents, TlsEvent.CertificateCheck.class).get(0));
    assertThat(lastChainVerify).isLessThan(firstCheck);
    // Every name is one the default cost profile prices.
    assertThat(CostProfiles.defaultProfile().costs()).containsKeys(client13.toArray(String[]::new));
    assertThat(CostProfiles.defaultProfile().costs()).containsKeys(server13.toArray(String[]::new));
  }

  private static List<String> operations(List<TlsEvent> events) {
    return Pipe.of(events, TlsEvent.CryptoOperation.class).stream().map(TlsEvent.CryptoOperation::name).toList();
  }
}
