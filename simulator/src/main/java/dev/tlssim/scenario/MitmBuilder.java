package dev.tlssim.scenario;

import dev.tlssim.party.MitmConfig;
import dev.tlssim.party.MitmParty;
import dev.tlssim.pki.CertificateChain;
import dev.tlssim.pki.CertificateVerifier;
import dev.tlssim.pki.VerificationPolicy;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.config.TlsClientConfig;
import dev.tlssim.tls.config.TlsServerConfig;
import dev.tlssim.tls.wire.ExtensionType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * The man in the middle with what its plan needs: the versions its target speaks, the chain it
 * presents when it intercepts, the codes it erases when it rewrites.
 */
final class MitmBuilder {
  private MitmBuilder() {}

  /** The chain an intercepting MITM presents, and the key it signs with. */
  private record Impersonation(CertificateChain chain, AsymmetricKeyParameter key) {}

  static MitmParty party(NodeContext node) {
    MitmSpec m = node.node().mitm();
    Scenario.NodeSpec target = node.scenario().nodes().stream().filter(x -> x.name().equals(m.target()))
        .findFirst().orElseThrow();
    TlsSpec targetTls = target.tls();
    Provisioning.Issued real = targetTls == null ? null
        : node.pki().certificates().get(targetTls.server().certificate());
    // The attacker speaks whatever the real server speaks, so the victim sees nothing unusual.
    boolean tls12 = targetTls == null || targetTls.speaksTls12();
    boolean tls13 = targetTls != null && targetTls.speaksTls13();
    TlsServerConfig impersonation = m.presented() == null ? null
        : impersonationConfig(impersonation(m.presented(), real, node), tls12, tls13);
    String host = real == null ? null : HostnameOf.first(real.chain().leaf());
    MitmConfig.Tamper tamper = m.tamper() == null ? null : new MitmConfig.Tamper(
        m.tamper().towards() == MitmSpec.Towards.SERVER, m.tamper().message(), m.tamper().offset());
    MitmConfig config = new MitmConfig(m.mode(), m.target(), m.port(), impersonation,
        upstreamConfig(host, tls12, tls13), tamper, rewrite(m.rewrite()), node.random(), node.pki().epoch(),
        real == null ? null : real.keyPair().getPrivate());
    return new MitmParty(node.node().name(), node.node().tcp(), node.node().cores(), node.scenario().costs(),
        node.isn(), config);
  }

  private static Impersonation impersonation(MitmSpec.Presented presented, Provisioning.Issued real,
      NodeContext node) {
    if (presented instanceof MitmSpec.Forged forged) {
      Provisioning.Issued cert = node.pki().certificates().get(forged.certificate());
      return new Impersonation(cert.chain(), cert.keyPair().getPrivate());
    }
    // The real chain, but not the real key: a key of the same kind that the attacker owns.
    boolean rsa = real.keyPair().getPrivate() instanceof RSAKeyParameters;
    return new Impersonation(real.chain(),
        node.pki().key("mitm/" + node.node().name(), rsa ? "rsa2048" : "ecdsa-p256").getPrivate());
  }

  /** The engine configuration the MITM answers the client with, in the versions of its target. */
  private static TlsServerConfig impersonationConfig(Impersonation as, boolean tls12, boolean tls13) {
    return TlsServerConfig.defaults(as.chain(), as.key(), TlsSpec.engines(tls12, tls13));
  }

  /** The engine configuration of the MITM's own connection to the target: it accepts any certificate. */
  static TlsClientConfig upstreamConfig(String host, boolean tls12, boolean tls13) {
    CertificateVerifier anything = new CertificateVerifier(VerificationPolicy.acceptAnything());
    TlsClientConfig upstream = TlsClientConfig.defaults(host, anything, TlsSpec.engines(tls12, tls13));
    return upstream.tls12().isEmpty() ? upstream
        : upstream.withTls12(upstream.tls12().orElseThrow().withResumption(false, false));
  }

  private static MitmConfig.Rewrite rewrite(MitmSpec.Rewrite rewrite) {
    if (rewrite == null) {
      return new MitmConfig.Rewrite(Set.of(), Set.of(), List.of());
    }
    Set<Integer> suites = rewrite.suites().stream().map(CipherSuite::code)
        .collect(Collectors.toCollection(HashSet::new));
    Set<Integer> extensions = rewrite.extensions().stream().map(ExtensionType::code)
        .collect(Collectors.toCollection(HashSet::new));
    return new MitmConfig.Rewrite(suites, extensions, rewrite.groups());
  }
}
