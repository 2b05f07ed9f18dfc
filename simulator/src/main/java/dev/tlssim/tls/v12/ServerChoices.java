package dev.tlssim.tls.v12;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.MaxFragmentLengthNegotiation;
import dev.tlssim.tls.crypto.EcdheKeyPair;
import dev.tlssim.tls.crypto.HandshakeSignature;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.EcPointFormats;
import dev.tlssim.tls.wire.ExtendedMasterSecret;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import dev.tlssim.tls.wire.RenegotiationInfo;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SessionTicket;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.StatusRequest;
import dev.tlssim.tls.wire.SupportedGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * What the server decides from a ClientHello, in its own order of preference: the version
 * (RFC 5246 §7.4.1.2, Appendix E.1), the cipher suite its key can serve (§7.4.1.3), for ECDHE the
 * group (RFC 8422 §5.1) and the signature scheme (RFC 5246 §7.4.1.4.1), and which extensions the
 * ServerHello answers with.
 *
 * @param group null for the RSA key exchange
 * @param signatureScheme null for the RSA key exchange
 * @param serverName the host name the client asked for in server_name, or null
 * @param maxFragmentLength the max_fragment_length accepted (RFC 6066 §4), echoed in every ServerHello
 */
record ServerChoices(
    ProtocolVersion version,
    CipherSuite suite,
    NamedGroup group,
    SignatureScheme signatureScheme,
    boolean secureRenegotiation,
    String serverName,
    boolean acknowledgeServerName,
    boolean ecPointFormats,
    boolean extendedMasterSecret,
    Optional<MaxFragmentLength> maxFragmentLength) {

  /** The 2-byte cipher suite value signalling RFC 5746 support without the extension (§3.3). */
  static final int TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

  /** Checks the ClientHello and picks; a ClientHello the server cannot answer ends in an alert. */
  static ServerChoices select(ServerConfig s, ClientHello hello) throws TlsAlertException {
    ProtocolVersion clientVersion = hello.clientVersion();
    // RFC 5246 §7.4.1.2 / Appendix E.1: answer with the highest version both support. This
    // engine implements only TLS 1.2, so a client that cannot reach it, or a server configured
    // above the client's maximum, ends in protocol_version.
    ProtocolVersion version = Handshake.cap(s.maxVersion()).compareTo(clientVersion) <= 0
        ? Handshake.cap(s.maxVersion()) : clientVersion;
    if (version.compareTo(s.minVersion()) < 0 || !version.equals(ProtocolVersion.TLS12)) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "client_hello: client_version " + clientVersion + " is below the server's minimum "
              + s.minVersion() + " (or the only implemented version, TLS 1.2)");
    }
    if (!hello.compressionMethods().contains(ClientHello.COMPRESSION_NULL)) {
      // RFC 5246 §7.4.1.2: the list "MUST contain ... CompressionMethod.null".
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "client_hello: compression_methods lacks null");
    }
    Extensions ext = hello.extensionsOrEmpty();
    Optional<RenegotiationInfo> reneg = ext.find(RenegotiationInfo.class);
    if (reneg.isPresent() && reneg.get().renegotiatedConnection().length != 0) {
      // RFC 5746 §3.6: a non-empty renegotiated_connection on an initial handshake.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "client_hello: non-empty renegotiation_info on the initial handshake");
    }
    boolean secureRenegotiation = reneg.isPresent()
        || hello.cipherSuites().contains(TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
    Optional<EcPointFormats> formats = ext.find(EcPointFormats.class);
    if (formats.isPresent() && !formats.get().supportsUncompressed()) {
      // RFC 8422 §5.1.2: the uncompressed point format MUST be supported.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "client_hello: ec_point_formats without uncompressed");
    }
    // RFC 8422 §4: without supported_groups the server may pick any curve it supports.
    Optional<SupportedGroups> clientGroups = ext.find(SupportedGroups.class);
    Optional<NamedGroup> commonGroup = s.groups().stream()
        .filter(EcdheKeyPair::supports)
        .filter(g -> clientGroups.map(cg -> cg.groupCodes().contains(g.code())).orElse(true))
        .findFirst();
    // RFC 5246 §7.4.1.4.1: without signature_algorithms the client is taken to support
    // {sha1, rsa} and {sha1, ecdsa} only. We do not sign with SHA-1 (RFC 9155), so such a client
    // can only get the RSA key exchange.
    List<SignatureScheme> clientSchemes = ext.find(SignatureAlgorithms.class)
        .map(SignatureAlgorithms::knownSchemes)
        .orElse(List.of(SignatureScheme.RSA_PKCS1_SHA1, SignatureScheme.ECDSA_SHA1));
    AsymmetricKeyParameter key = s.privateKey();
    Optional<SignatureScheme> scheme = s.signatureSchemes().stream()
        .filter(clientSchemes::contains)
        .filter(HandshakeSignature::canSign)
        .filter(sc -> sc.allowedInTls12() && HandshakeSignature.fits(sc, key))
        .findFirst();
    Optional<CipherSuite> chosen = s.cipherSuites().stream()
        .filter(cs -> hello.cipherSuites().contains(cs.code()))
        .filter(cs -> switch (cs.keyExchange()) {
          case RSA -> key instanceof RSAKeyParameters;
          case ECDHE_RSA -> key instanceof RSAKeyParameters
              && commonGroup.isPresent() && scheme.isPresent();
          case ECDHE_ECDSA -> key instanceof ECKeyParameters ec
              && commonGroup.isPresent() && scheme.isPresent()
              && clientGroups.map(cg -> cg.groupCodes().contains(curveOf(ec).code()))
                  .orElse(true);
        })
        .findFirst();
    if (chosen.isEmpty() && key instanceof ECKeyParameters ec
        && clientGroups.filter(cg -> !cg.groupCodes().contains(curveOf(ec).code())).isPresent()) {
      // The commonest cause, worth naming: a client whose supported_groups lists x25519 (or only
      // hybrids beside it) but not the curve of the server's ECDSA key.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "client_hello: the server's ECDSA key is on " + curveOf(ec).rfcName()
              + ", which the client's supported_groups does not list (RFC 8422 §5.3 bounds the certificate's curve too)");
    }
    if (chosen.isEmpty()) {
      // RFC 5246 §7.4.1.3: no acceptable choice is a handshake_failure.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "client_hello: no cipher suite in common that this server's "
              + key.getClass().getSimpleName() + " can serve");
    }
    CipherSuite suite = chosen.get();
    boolean ephemeral = suite.keyExchange().ephemeral();
    return new ServerChoices(
        version,
        suite,
        ephemeral ? commonGroup.orElseThrow() : null,
        ephemeral ? scheme.orElseThrow() : null,
        secureRenegotiation,
        ext.find(ServerName.class).flatMap(n -> n.hostNames().stream().findFirst()).orElse(null),
        ext.contains(ExtensionType.SERVER_NAME),
        // RFC 8422 §5.2: echo ec_point_formats when an ECC suite is selected.
        ephemeral && formats.isPresent(),
        s.extendedMasterSecret() && ext.contains(ExtensionType.EXTENDED_MASTER_SECRET),
        MaxFragmentLengthNegotiation.answer(MaxFragmentLengthExtension.in(ext), s.acceptMaxFragmentLength()));
  }

  /**
   * The named group of an ECDSA key. RFC 8422 §5.1 and §5.3: in TLS 1.2 supported_groups also
   * bounds the curves of the server's ECDSA certificate key, not only the ECDHE share.
   */
  private static NamedGroup curveOf(ECKeyParameters key) {
    return switch (key.getParameters().getCurve().getFieldSize()) {
      case 256 -> NamedGroup.SECP256R1;
      case 384 -> NamedGroup.SECP384R1;
      case 521 -> NamedGroup.SECP521R1;
      default -> throw new IllegalStateException("unsupported ECDSA curve of "
          + key.getParameters().getCurve().getFieldSize() + " bits");
    };
  }

  /**
   * ServerHello.extensions of a full handshake, answering only what the client offered (RFC 5246
   * §7.4.1.4); {@code newTicket} adds the empty session_ticket that announces a NewSessionTicket
   * (RFC 5077 §3.2), {@code statusRequest} the empty status_request that announces a
   * CertificateStatus (RFC 6066 §8).
   */
  Extensions serverHelloExtensions(boolean newTicket, boolean statusRequest) {
    List<Extension> reply = new ArrayList<>();
    if (secureRenegotiation) {
      reply.add(RenegotiationInfo.initial());
    }
    if (acknowledgeServerName) {
      // RFC 6066 §3: the server that used the name MAY answer with an empty server_name.
      reply.add(ServerName.acknowledgement());
    }
    maxFragmentLength.map(MaxFragmentLengthExtension::new).ifPresent(reply::add);
    if (ecPointFormats) {
      reply.add(EcPointFormats.uncompressedOnly());
    }
    if (extendedMasterSecret) {
      reply.add(new ExtendedMasterSecret());
    }
    if (newTicket) {
      reply.add(SessionTicket.empty());
    }
    if (statusRequest) {
      reply.add(StatusRequest.acknowledgement());
    }
    return new Extensions(reply);
  }

  /**
   * ServerHello.extensions of an abbreviated handshake. server_name is left out (RFC 6066 §3:
   * "When resuming a session, the server MUST NOT include a server_name extension in the server
   * hello"), and so is ec_point_formats, since no key is exchanged; extended_master_secret goes
   * in when the resumed session used it (RFC 7627 §5.3), session_ticket when a new ticket follows
   * (RFC 5077 §3.2).
   */
  Extensions abbreviatedServerHelloExtensions(boolean sessionUsedEms, boolean newTicket) {
    List<Extension> reply = new ArrayList<>();
    if (secureRenegotiation) {
      reply.add(RenegotiationInfo.initial());
    }
    // RFC 6066 §4: the server answers the request of each ClientHello, an abbreviated one too.
    maxFragmentLength.map(MaxFragmentLengthExtension::new).ifPresent(reply::add);
    if (sessionUsedEms) {
      reply.add(new ExtendedMasterSecret());
    }
    if (newTicket) {
      reply.add(SessionTicket.empty());
    }
    return new Extensions(reply);
  }
}
