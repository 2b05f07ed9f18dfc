package dev.tlssim.scenario;

import dev.tlssim.pki.RevocationMode;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import java.util.List;

/**
 * A node's TLS settings. Servers name their certificate; clients name the server they expect
 * (SNI and the hostname check) and the authorities they trust, with the checks their policy runs.
 *
 * @param implementation "tlssim" (ours) or "jdk" (the JDK's SSLEngine, for interoperability)
 */
public record TlsSpec(
    String implementation,
    ProtocolVersion minVersion,
    ProtocolVersion maxVersion,
    List<CipherSuite> cipherSuites,
    List<NamedGroup> groups,
    boolean extendedMasterSecret,
    String certificate,
    String serverName,
    List<String> trust,
    boolean checkHostname,
    RevocationMode revocation,
    boolean acceptAny) {}
