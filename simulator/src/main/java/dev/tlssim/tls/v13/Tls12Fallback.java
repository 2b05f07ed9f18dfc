package dev.tlssim.tls.v13;

import dev.tlssim.tls.ProtocolVersion;
import dev.tlssim.tls.wire.ClientHello;
import dev.tlssim.tls.wire.Extension;
import dev.tlssim.tls.wire.PreSharedKey;
import dev.tlssim.tls.wire.SignatureAlgorithms;
import dev.tlssim.tls.wire.SupportedVersions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a client that offers TLS 1.2 besides 1.3 adds to its TLS 1.3 ClientHello, taken from the
 * ClientHello a TLS 1.2 client would send (RFC 8446 §4.1.2, Appendix D.1): its cipher suites
 * after the TLS 1.3 ones, TLS 1.2 after 1.3 in supported_versions, its signature schemes after
 * the TLS 1.3 ones in signature_algorithms, and the extensions only TLS 1.2 uses
 * (ec_point_formats, extended_master_secret, session_ticket, renegotiation_info, ...). A TLS 1.3
 * server ignores what is not TLS 1.3's (§4.1.2: servers "MUST ignore unrecognized extensions");
 * a TLS 1.2 server finds everything it needs, and ignores the TLS 1.3 extensions in turn.
 */
public record Tls12Fallback(ClientHello tls12Hello) {
  public Tls12Fallback {
    Objects.requireNonNull(tls12Hello, "tls12Hello");
  }

  /** The TLS 1.3 suites, then the TLS 1.2 ones. */
  List<Integer> cipherSuites(List<Integer> tls13Suites) {
    Set<Integer> all = new LinkedHashSet<>(tls13Suites);
    all.addAll(tls12Hello.cipherSuites());
    return List.copyOf(all);
  }

  /**
   * The TLS 1.3 extensions, merged with the TLS 1.2 ones: supported_versions and
   * signature_algorithms widened, the others the 1.3 hello lacks appended, and pre_shared_key
   * kept last (RFC 8446 §4.2.11).
   */
  List<Extension> extensions(List<Extension> tls13Extensions) {
    List<Extension> merged = new ArrayList<>();
    Set<Integer> types = new LinkedHashSet<>();
    Extension psk = null;
    for (Extension e : tls13Extensions) {
      types.add(e.typeCode());
      if (e instanceof PreSharedKey) {
        psk = e;
      } else if (e instanceof SupportedVersions.Offered offered) {
        List<Integer> versions = new ArrayList<>(offered.versions());
        versions.add(ProtocolVersion.TLS12.code());
        merged.add(new SupportedVersions.Offered(versions));
      } else if (e instanceof SignatureAlgorithms own) {
        merged.add(new SignatureAlgorithms(union(own.schemeCodes(), tls12Hello.extensionsOrEmpty()
            .find(SignatureAlgorithms.class).map(SignatureAlgorithms::schemeCodes).orElse(List.of()))));
      } else {
        merged.add(e);
      }
    }
    for (Extension e : tls12Hello.extensionsOrEmpty().list()) {
      if (!types.contains(e.typeCode())) {
        merged.add(e);
      }
    }
    if (psk != null) {
      merged.add(psk);
    }
    return merged;
  }

  private static List<Integer> union(List<Integer> first, List<Integer> second) {
    Set<Integer> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
