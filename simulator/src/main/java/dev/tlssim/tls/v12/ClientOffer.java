package dev.tlssim.tls.v12;

import dev.tlssim.tls.AlertDescription;
import dev.tlssim.tls.CipherSuite;
import dev.tlssim.tls.NamedGroup;
import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.SignatureScheme;
import dev.tlssim.tls.TlsAlertException;
import dev.tlssim.tls.core.MaxFragmentLengthNegotiation;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.EcPointFormats;
import dev.tlssim.tls.wire.ExtendedMasterSecret;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.ExtensionType;
import dev.tlssim.tls.wire.Extensions;
import dev.tlssim.tls.wire.MaxFragmentLength;
import dev.tlssim.tls.wire.MaxFragmentLengthExtension;
import dev.tlssim.tls.wire.OcspStatusRequest;
import dev.tlssim.tls.wire.RenegotiationInfo;
import dev.tlssim.tls.wire.ServerHello;
import dev.tlssim.tls.wire.ServerName;
import dev.tlssim.tls.wire.SessionTicket;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.StatusRequest;
import dev.tlssim.tls.wire.SupportedGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The client's ClientHello (RFC 5246 §7.4.1.2) and what it offered, so that the ServerHello can
 * be held to it: the server may only pick a version, suite, compression method and extensions
 * the client offered (§7.4.1.3, §7.4.1.4).
 */
final class ClientOffer {
  private final ClientConfig config;
  private final ClientHello hello;
  private final Set<Integer> extensionTypes;
  private final String serverName;

  private ClientOffer(ClientConfig config, ClientHello hello, String serverName) {
    this.config = config;
    this.hello = hello;
    this.extensionTypes = Set.copyOf(
        hello.extensionsOrEmpty().list().stream().map(Extension::typeCode).toList());
    this.serverName = serverName;
  }

  /**
   * A ClientHello with every extension the config calls for, offering {@code resumption}'s
   * session_id and ticket if given, else an empty session_id (a full handshake).
   */
  static ClientOffer of(ClientConfig c, ProtocolVersion clientVersion, byte[] clientRandom,
      Optional<ResumptionOffer> resumption) {
    List<Extension> extensions = new ArrayList<>();
    String serverName = sniName(c);
    if (serverName != null) {
      extensions.add(ServerName.of(serverName));
    }
    // RFC 6066 §4: the fragment length asked for, on resumption too (the server decides afresh).
    MaxFragmentLengthNegotiation.offer(c.maxFragmentLength()).ifPresent(extensions::add);
    if (c.offerStatusRequest()) {
      // RFC 6066 §8: ask for an OCSP response from any responder the server knows.
      extensions.add(StatusRequest.ocsp(OcspStatusRequest.any()));
    }
    if (c.cipherSuites().stream().anyMatch(s -> s.keyExchange().ephemeral())) {
      // RFC 8422 §4: clients offering ECC suites send both extensions.
      extensions.add(SupportedGroups.of(c.groups().toArray(NamedGroup[]::new)));
      extensions.add(EcPointFormats.uncompressedOnly());
    }
    extensions.add(SignatureAlgorithms.of(c.signatureSchemes().toArray(SignatureScheme[]::new)));
    if (c.offerExtendedMasterSecret()) {
      extensions.add(new ExtendedMasterSecret());
    }
    if (c.offerTickets()) {
      // RFC 5077 §3.2: the ticket to resume with, or an empty extension asking for one.
      extensions.add(new SessionTicket(resumption.map(ResumptionOffer::ticket).orElse(new byte[0])));
    }
    // RFC 5746 §3.4: an initial ClientHello carries an empty renegotiation_info (or the SCSV).
    extensions.add(RenegotiationInfo.initial());
    ClientHello hello = ClientHello.of(clientVersion, clientRandom,
        resumption.map(ResumptionOffer::sessionId).orElse(new byte[0]),
        c.cipherSuites(), new Extensions(extensions));
    return new ClientOffer(c, hello, serverName);
  }

  /**
   * The offer of a ClientHello already sent by a client that offered TLS 1.3 as well (RFC 8446
   * Appendix D.1): the ServerHello is held to what that hello carried.
   */
  static ClientOffer sent(ClientConfig c, ClientHello hello) {
    return new ClientOffer(c, hello, sniName(c));
  }

  /**
   * The host name the ClientHello sends in server_name, or null. RFC 6066 §3: "Literal IPv4 and
   * IPv6 addresses are not permitted in HostName."
   */
  static String sniName(ClientConfig c) {
    String name = c.serverName();
    return name == null || name.isEmpty() || isIpLiteral(name) ? null : name;
  }

  private static boolean isIpLiteral(String name) {
    return name.contains(":") || name.matches("[0-9.]+");
  }

  ClientHello hello() {
    return hello;
  }

  /** The host name sent in server_name, or null if none was. */
  String serverName() {
    return serverName;
  }

  /**
   * The max_fragment_length the ServerHello's answer is held to: what the hello sent asked for,
   * whichever version's config built it.
   */
  Optional<MaxFragmentLength> requestedMaxFragmentLength() throws TlsAlertException {
    return MaxFragmentLengthExtension.in(hello.extensionsOrEmpty());
  }

  /**
   * Holds the ServerHello to this offer and returns the suite it picked. {@code recordVersion} is
   * the version of the record that carried it, which must already be the negotiated one.
   */
  CipherSuite checkServerHello(ServerHello answer, ProtocolVersion recordVersion)
      throws TlsAlertException {
    ProtocolVersion version = answer.serverVersion();
    // RFC 5246 §7.4.1.3 / Appendix E.1: the server picks a version the client supports; this
    // engine implements TLS 1.2 only, so anything else is refused.
    if (!version.equals(ProtocolVersion.TLS12) || version.compareTo(config.minVersion()) < 0
        || version.compareTo(hello.clientVersion()) > 0) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "server_hello: server_version " + version + " is not acceptable");
    }
    if (!recordVersion.equals(version)) {
      throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION,
          "server_hello arrived in a " + recordVersion + " record, negotiated " + version);
    }
    Optional<CipherSuite> chosen = answer.knownCipherSuite();
    if (chosen.isEmpty() || !config.cipherSuites().contains(chosen.get())) {
      // RFC 5246 §7.4.1.3: cipher_suite is "selected by the server from the list in
      // ClientHello.cipher_suites"; anything else is illegal_parameter (§7.2.2).
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          String.format("server_hello: cipher suite 0x%04x was not offered", answer.cipherSuite()));
    }
    if (answer.compressionMethod() != ClientHello.COMPRESSION_NULL) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: compression method " + answer.compressionMethod() + " was not offered");
    }
    checkExtensions(answer.extensionsOrEmpty());
    return chosen.get();
  }

  private void checkExtensions(Extensions ext) throws TlsAlertException {
    for (Extension e : ext.list()) {
      // RFC 5246 §7.4.1.4: "If a client receives an extension type in ServerHello that it did
      // not request in the associated ClientHello, it MUST abort the handshake with an
      // unsupported_extension fatal alert."
      if (!extensionTypes.contains(e.typeCode())) {
        throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
            "server_hello: extension " + e.type().map(ExtensionType::rfcName)
                .orElse(String.valueOf(e.typeCode())) + " was not offered");
      }
    }
    Optional<RenegotiationInfo> reneg = ext.find(RenegotiationInfo.class);
    if (reneg.isPresent() && reneg.get().renegotiatedConnection().length != 0) {
      // RFC 5746 §3.4: on an initial handshake the field must be empty, else handshake_failure.
      throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
          "server_hello: non-empty renegotiation_info on the initial handshake");
    }
    Optional<EcPointFormats> formats = ext.find(EcPointFormats.class);
    if (formats.isPresent() && !formats.get().supportsUncompressed()) {
      // RFC 8422 §5.2: the uncompressed format MUST be supported and listed.
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "server_hello: ec_point_formats without uncompressed");
    }
  }
}
