package dev.tlssim.scenario;

import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.Tls13CipherSuite;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's TLS settings: what both roles share, and the role's own ({@code client} on clients,
 * {@code server} on servers; the other is null).
 *
 * @param versions     every version the node speaks, ascending and without gaps
 * @param cipherSuites the suites of TLS 1.2 and below, in preference order
 * @param tls13Suites  the TLS 1.3 suites, when 1.3 is among the versions
 */
public record TlsSpec(
    Implementation implementation,
    List<TlsVersion> versions,
    List<CipherSuite> cipherSuites,
    List<Tls13CipherSuite> tls13Suites,
    List<NamedGroup> groups,
    boolean extendedMasterSecret,
    TlsClientSpec client,
    TlsServerSpec server) {

  public TlsSpec {
    versions = List.copyOf(versions);
    cipherSuites = List.copyOf(cipherSuites);
    tls13Suites = List.copyOf(tls13Suites);
    groups = List.copyOf(groups);
  }

  public ProtocolVersion minVersion() {
    return versions.get(0).protocolVersion();
  }

  public ProtocolVersion maxVersion() {
    return versions.get(versions.size() - 1).protocolVersion();
  }

  /** Whether this node speaks TLS 1.3 (possibly besides older versions). */
  public boolean speaksTls13() {
    return versions.contains(TlsVersion.TLS13);
  }

  /** Whether this node speaks TLS 1.2 or below (possibly besides 1.3). */
  public boolean speaksTls12() {
    return versions.get(0).compareTo(TlsVersion.TLS12) <= 0;
  }

  /** The engines the node runs, newest first: TLS 1.3, and TLS 1.2 for 1.2 and below. */
  public List<ProtocolVersion> protocolVersions() {
    return engines(speaksTls12(), speaksTls13());
  }

  static List<ProtocolVersion> engines(boolean tls12, boolean tls13) {
    List<ProtocolVersion> engines = new ArrayList<>();
    if (tls13) {
      engines.add(ProtocolVersion.TLS13);
    }
    if (tls12) {
      engines.add(ProtocolVersion.TLS12);
    }
    return List.copyOf(engines);
  }
}
