package dev.tlssim.scenario;

import dev.tlssim.party.ClientParty;
import dev.tlssim.party.ServerParty;
import dev.tlssim.party.TlsParties;
import java.util.ArrayList;
import java.util.List;

/** Clients and servers whose TLS is the JDK's {@code SSLEngine}, configured by the JDK's names. */
final class JdkBuilder {
  private JdkBuilder() {}

  static ClientParty client(NodeContext node) {
    TlsSpec tls = node.tls();
    TlsClientSpec client = tls.client();
    return TlsParties.jdkClient(node.basics(), client.trust().stream().map(node.pki()::anchor).toList(),
        client.serverName(), client.checkHostname(), protocols(tls), suites(tls), node.random());
  }

  static ServerParty server(NodeContext node) {
    TlsSpec tls = node.tls();
    Provisioning.Issued cert = node.pki().certificates().get(tls.server().certificate());
    return TlsParties.jdkServer(node.basics(), node.node().listen(), cert.chain(), cert.keyPair().getPrivate(),
        protocols(tls), suites(tls), node.random());
  }

  /** The JDK's names for the suites of every version the node speaks, TLS 1.3's first. */
  private static List<String> suites(TlsSpec tls) {
    List<String> names = new ArrayList<>();
    if (tls.speaksTls13()) {
      tls.tls13Suites().forEach(suite -> names.add(suite.name()));
    }
    if (tls.speaksTls12()) {
      tls.cipherSuites().forEach(suite -> names.add(suite.name()));
    }
    return names;
  }

  private static List<String> protocols(TlsSpec tls) {
    return tls.versions().stream().map(TlsVersion::jdkName).toList();
  }
}
